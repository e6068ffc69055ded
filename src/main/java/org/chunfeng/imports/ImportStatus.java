package org.chunfeng.imports;

/** The life of an import job. */
public enum ImportStatus {
	QUEUED,
	RUNNING,
	/** Done: the valid rows are written (all of them, in "all or nothing"). */
	SUCCEEDED,
	/** "All or nothing" found bad rows: nothing was written. */
	REJECTED,
	/** The file itself was refused or the job was interrupted: nothing more was written. */
	FAILED;

	public boolean finished() {
		return this == SUCCEEDED || this == REJECTED || this == FAILED;
	}
}
