package org.chunfeng.platform.spreadsheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipEntrySource;

/**
 * The zip of an {@code .xlsx} as POI's {@link ZipEntrySource}, with every entry's inflated bytes counted while they
 * stream: the whole file, each part and each part's ratio to its compressed size are bounded by the actual bytes,
 * not by the sizes the headers declare (which an attacker writes). POI's own guard ({@code ZipSecureFile}) is
 * global static configuration, so we keep ours per file.
 * <p>
 * Opened with the JDK's {@link ZipFile}: it holds the central directory as one byte array (bounded by the file size)
 * rather than an object per entry, validates it strictly and knows only stored and deflated entries.
 */
final class BoundedZip implements ZipEntrySource {

	/** Below this a part is too small to matter, whatever its ratio (POI uses 100 KB the same way). */
	private static final long RATIO_GRACE_BYTES = 100 * 1024;

	private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

	private final ZipFile zip;
	private final String fileName;
	private final SpreadsheetLimits limits;
	private final Map<String, Part> parts = new LinkedHashMap<>();
	private final Map<String, Long> partLimits = new HashMap<>();
	private long inflatedTotal;
	private SpreadsheetException refusal;
	private boolean closed;

	private BoundedZip(ZipFile zip, String fileName, SpreadsheetLimits limits) {
		this.zip = zip;
		this.fileName = fileName;
		this.limits = limits;
	}

	/** Opens the zip and checks what its central directory declares before anything is inflated. */
	static BoundedZip open(Path file, String fileName, SpreadsheetLimits limits) {
		ZipFile zip;
		try {
			zip = new ZipFile(file.toFile());
		}
		catch (IOException ex) {
			throw Refusals.corrupt(fileName, ex);
		}
		BoundedZip source = new BoundedZip(zip, fileName, limits);
		try {
			source.checkDeclared();
			return source;
		}
		catch (RuntimeException ex) {
			source.close();
			throw ex;
		}
	}

	private void checkDeclared() {
		if (zip.size() > limits.maxZipEntries()) {
			throw new SpreadsheetException("spreadsheet.tooManyEntries", fileName, limits.maxZipEntries());
		}
		if (zip.getEntry("[Content_Types].xml") == null) {
			throw new SpreadsheetException("spreadsheet.notXlsx", fileName);
		}
		long declaredTotal = 0;
		for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
			ZipEntry entry = entries.nextElement();
			long size = Math.max(entry.getSize(), 0);
			long compressed = Math.max(entry.getCompressedSize(), 1);
			if (size > RATIO_GRACE_BYTES && size / compressed > limits.maxCompressionRatio()) {
				throw compressionRatio(entry.getName());
			}
			declaredTotal += size;
			if (declaredTotal > limits.maxUncompressedBytes()) {
				throw tooLarge();
			}
			if (parts.put(entry.getName(), new Part(entry)) != null) {
				// the JDK reads an entry by name: two of one name would let sizes checked on one apply to the other
				throw Refusals.corrupt(fileName, new IOException("Two entries named " + entry.getName()));
			}
		}
	}

	/** Lets {@code name} (a worksheet, the shared strings) unpack to {@code maxBytes} instead of the metadata limit. */
	void limitPart(String name, long maxBytes) {
		partLimits.put(name, maxBytes);
	}

	/** Why a stream was stopped, if one was: parsers may wrap or drop the exception on its way up. */
	SpreadsheetException refusal() {
		return refusal;
	}

	@Override
	public Enumeration<? extends ZipArchiveEntry> getEntries() {
		List<Part> list = new ArrayList<>(parts.values());
		return Collections.enumeration(list);
	}

	@Override
	public ZipArchiveEntry getEntry(String path) {
		return parts.get(path);
	}

	@Override
	public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
		Part part = parts.get(entry.getName());
		if (part == null) {
			throw new IOException("No entry " + entry.getName());
		}
		long partLimit = partLimits.getOrDefault(part.getName(), limits.maxMetadataBytes());
		return new Counted(zip.getInputStream(part.jdk), part.getName(), part.jdk.getCompressedSize(), partLimit);
	}

	@Override
	public void close() {
		closed = true;
		try {
			zip.close();
		}
		catch (IOException ex) {
			// nothing was written; the file is the caller's to delete
		}
	}

	@Override
	public boolean isClosed() {
		return closed;
	}

	private SpreadsheetException refuse(SpreadsheetException ex) {
		if (refusal == null) {
			refusal = ex;
		}
		return ex;
	}

	private SpreadsheetException tooLarge() {
		return refuse(new SpreadsheetException("spreadsheet.tooLarge", fileName,
				Refusals.megabytes(limits.maxUncompressedBytes())));
	}

	private SpreadsheetException compressionRatio(String part) {
		return refuse(new SpreadsheetException("spreadsheet.compressionRatio", fileName, part,
				limits.maxCompressionRatio()));
	}

	/** An entry as POI sees it, carrying the JDK's entry to open. */
	private static final class Part extends ZipArchiveEntry {

		private final ZipEntry jdk;

		Part(ZipEntry jdk) {
			super(jdk.getName());
			this.jdk = jdk;
			setMethod(jdk.getMethod());
			setSize(Math.max(jdk.getSize(), 0));
			setCompressedSize(Math.max(jdk.getCompressedSize(), 0));
		}

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}
	}

	/** Counts the inflated bytes of one entry and stops at the first limit they pass, or at a DOCTYPE. */
	private final class Counted extends FilterInputStream {

		private final String name;
		private final long compressed;
		private final long partLimit;
		private final byte[] one = new byte[1];
		private long count;
		private int doctypeMatched;

		Counted(InputStream in, String name, long compressed, long partLimit) {
			super(in);
			this.name = name;
			this.compressed = Math.max(compressed, 1);
			this.partLimit = partLimit;
		}

		@Override
		public int read() throws IOException {
			int n = read(one, 0, 1);
			return n < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (refusal != null) {
				throw new Refused(refusal);
			}
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(buffer, offset, n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			// through read, so skipped bytes are counted too
			byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
			int read = read(buffer, 0, buffer.length);
			return Math.max(read, 0);
		}

		private void count(byte[] buffer, int offset, int n) throws Refused {
			count += n;
			inflatedTotal += n;
			if (inflatedTotal > limits.maxUncompressedBytes()) {
				throw new Refused(tooLarge());
			}
			if (count > RATIO_GRACE_BYTES && count / compressed > limits.maxCompressionRatio()) {
				throw new Refused(compressionRatio(name));
			}
			if (count > partLimit) {
				throw new Refused(refuse(new SpreadsheetException("spreadsheet.partTooLarge", fileName, name,
						Refusals.megabytes(partLimit))));
			}
			// a DOCTYPE is refused by every parser we use; looking for it here names the real reason
			for (int i = offset; i < offset + n; i++) {
				byte b = buffer[i];
				if (b == DOCTYPE[doctypeMatched]) {
					if (++doctypeMatched == DOCTYPE.length) {
						throw new Refused(refuse(new SpreadsheetException("spreadsheet.unsafeXml", fileName)));
					}
				}
				else {
					doctypeMatched = b == '<' ? 1 : 0;
				}
			}
		}
	}

	/** Carries a refusal through parsers, which pass I/O exceptions on. */
	static final class Refused extends IOException {

		private final SpreadsheetException refusal;

		Refused(SpreadsheetException refusal) {
			super(refusal.code());
			this.refusal = refusal;
		}

		SpreadsheetException refusal() {
			return refusal;
		}
	}
}
