package io.fleetgrid.auth.login;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page (server-rendered, no external resources).
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String signedIn,
			@RequestParam(required = false) String logout, Model model) {
		if (error != null) {
			model.addAttribute("error", switch (error) {
				case "locked" -> "Too many failed attempts: the account is locked for a while. Try again later.";
				case "disabled" -> "This account is not active.";
				default -> "Wrong e-mail address or password.";
			});
		}
		if (signedIn != null) {
			model.addAttribute("info", "You are signed in.");
		}
		if (logout != null) {
			model.addAttribute("info", "You are signed out.");
		}
		return "login";
	}

}
