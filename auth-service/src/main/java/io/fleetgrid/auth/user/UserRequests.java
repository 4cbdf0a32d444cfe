package io.fleetgrid.auth.user;

import io.fleetgrid.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of {@code /api/v1/users}.
 */
public final class UserRequests {

	private UserRequests() {
	}

	/**
	 * Creates a user. Without password the user is invited by mail to choose one.
	 *
	 * @param email e-mail address (unique)
	 * @param displayName display name
	 * @param role USER, FLEET_MANAGER or ADMIN
	 * @param password optional initial password (12 to 72 characters)
	 */
	public record Create(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String displayName,
			@NotNull Role role, @Size(min = 12, max = 72) String password) {

	}

	/**
	 * Changes a user; absent fields stay unchanged.
	 *
	 * @param displayName display name
	 * @param role new role (USER, FLEET_MANAGER or ADMIN)
	 * @param enabled false disables, true enables (and ends a lockout)
	 */
	public record Update(@Size(min = 1, max = 200) String displayName, Role role, Boolean enabled) {

	}

	/**
	 * Changes the caller's own profile; absent fields stay unchanged.
	 *
	 * @param displayName display name
	 * @param currentPassword the current password, required with {@code newPassword}
	 * @param newPassword the new password (12 to 72 characters)
	 */
	public record UpdateMe(@Size(min = 1, max = 200) String displayName, String currentPassword,
			@Size(min = 12, max = 72) String newPassword) {

	}

}
