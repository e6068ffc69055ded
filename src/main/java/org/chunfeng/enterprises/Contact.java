package org.chunfeng.enterprises;

/**
 * A contact person of an enterprise (联系人): the mobile number is shown masked.
 *
 * @param mobileMasked e.g. {@code 138****8000}, or {@code null}
 */
public record Contact(long id, long enterpriseId, String name, String title, String mobileMasked, String email) {
}
