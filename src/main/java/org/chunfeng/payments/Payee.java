package org.chunfeng.payments;

/**
 * A beneficiary by its registry record: an enterprise of the enterprises module or a worker of the workers module.
 *
 * @param id the registry record's id
 */
public record Payee(PayeeKind kind, long id) {

	public Payee {
		if (kind == null) {
			throw new IllegalArgumentException("kind");
		}
	}

	public static Payee enterprise(long id) {
		return new Payee(PayeeKind.ENTERPRISE, id);
	}

	public static Payee worker(long id) {
		return new Payee(PayeeKind.WORKER, id);
	}

	/** e.g. {@code E42} or {@code W7}: how claim keys name an enterprise or a worker. */
	public String key() {
		return (kind == PayeeKind.ENTERPRISE ? "E" : "W") + id;
	}
}
