package io.fleetgrid.auth.account;

import io.fleetgrid.auth.account.AccountTokenService.Purpose;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind the mail links: accept an invitation, request and confirm a password
 * reset.
 */
@Controller
class AccountPagesController {

	private static final String INVALID_LINK = "This link is invalid, expired or was already used.";

	private final AccountService accounts;

	AccountPagesController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/invitation")
	String invitation(@RequestParam(required = false) String token, Model model) {
		return form(token, Purpose.INVITATION, null, model);
	}

	@PostMapping("/invitation")
	String acceptInvitation(@RequestParam(required = false) String token,
			@RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
			Model model) {
		return submit(token, Purpose.INVITATION, password, confirmation, model);
	}

	@GetMapping("/password-reset")
	String resetRequestForm() {
		return "reset-request";
	}

	@PostMapping("/password-reset")
	String requestReset(@RequestParam(required = false) String email, Model model) {
		if (email != null && !email.isBlank()) {
			this.accounts.requestReset(email);
		}
		return message(model, "Check your mail",
				"If an account exists for this address, we sent it a link to choose a new password.", false);
	}

	@GetMapping("/password-reset/confirm")
	String resetForm(@RequestParam(required = false) String token, Model model) {
		return form(token, Purpose.PASSWORD_RESET, null, model);
	}

	@PostMapping("/password-reset/confirm")
	String reset(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String confirmation, Model model) {
		return submit(token, Purpose.PASSWORD_RESET, password, confirmation, model);
	}

	private String form(String token, Purpose purpose, String error, Model model) {
		if (!this.accounts.usable(token, purpose)) {
			return message(model, "Link not valid", INVALID_LINK, true);
		}
		model.addAttribute("title",
				(purpose == Purpose.INVITATION) ? "Welcome: choose your password" : "Choose a new password");
		model.addAttribute("action", (purpose == Purpose.INVITATION) ? "/invitation" : "/password-reset/confirm");
		model.addAttribute("token", token);
		model.addAttribute("error", error);
		return "set-password";
	}

	private String submit(String token, Purpose purpose, String password, String confirmation, Model model) {
		String problem = AccountService.passwordProblem(password);
		if (problem == null && !password.equals(confirmation)) {
			problem = "The two passwords differ.";
		}
		if (problem != null) {
			return form(token, purpose, problem, model);
		}
		if (!this.accounts.setPassword(token, purpose, password)) {
			return message(model, "Link not valid", INVALID_LINK, true);
		}
		return message(model, "Password saved", "Your password is saved. You can sign in now.", false);
	}

	private static String message(Model model, String title, String message, boolean error) {
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		model.addAttribute("error", error);
		return "message";
	}

}
