package org.chunfeng.enterprises;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.MobileNumber;

/**
 * A contact person to add.
 *
 * @param name   1 to 50 characters
 * @param title  职务, optional, up to 50
 * @param mobile optional
 * @param email  optional
 */
public record NewContact(String name, String title, MobileNumber mobile, String email) {

	public NewContact {
		name = name == null ? "" : name.strip();
		if (name.isEmpty()) {
			throw new InvalidRequestException("contactName", "problem.field.required");
		}
		if (name.length() > 50) {
			throw new InvalidRequestException("contactName", "enterprise.contact.length", 50);
		}
		title = title == null || title.isBlank() ? null : title.strip();
		if (title != null && title.length() > 50) {
			throw new InvalidRequestException("contactTitle", "enterprise.contact.length", 50);
		}
		email = email == null || email.isBlank() ? null : email.strip();
		if (email != null && (email.length() > 100 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			throw new InvalidRequestException("contactEmail", "enterprise.contact.email");
		}
		if (mobile == null && email == null) {
			throw new InvalidRequestException("contactMobile", "enterprise.contact.reachable");
		}
	}
}
