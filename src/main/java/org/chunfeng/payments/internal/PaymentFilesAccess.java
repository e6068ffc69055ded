package org.chunfeng.payments.internal;

import java.io.OutputStream;
import java.nio.file.Path;

import org.chunfeng.payments.Entitlement;
import org.chunfeng.payments.PaymentBatch;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.springframework.stereotype.Component;

/** The finance operations for the module's own tests and web layer (public, as tests live in other packages). */
@Component
public class PaymentFilesAccess {

	private final PaymentFiles files;

	PaymentFilesAccess(PaymentFiles files) {
		this.files = files;
	}

	public void export(long batchId, SpreadsheetFormat format, OutputStream out) {
		files.export(batchId, format, out);
	}

	public PaymentBatch markSent(long batchId) {
		return files.markSent(batchId);
	}

	public Outcome importResults(long batchId, Path file, String fileName) {
		PaymentFiles.ImportOutcome o = files.importResults(batchId, file, fileName);
		return new Outcome(o.rows(), o.paid(), o.failed(), o.unchanged(), o.reconciled(), o.batch());
	}

	public Entitlement reissue(long entitlementId) {
		return files.reissue(entitlementId);
	}

	/** What a result file did. */
	public record Outcome(long rows, long paid, long failed, long unchanged, boolean reconciled, PaymentBatch batch) {

		public boolean changedNothing() {
			return paid == 0 && failed == 0;
		}
	}
}
