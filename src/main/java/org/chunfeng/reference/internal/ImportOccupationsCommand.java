package org.chunfeng.reference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.chunfeng.platform.Command;
import org.chunfeng.reference.ImportResult;
import org.chunfeng.reference.Occupations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar chunfeng.jar import-occupations 职业分类大典2022.csv --edition=2022}: an administrator loads the
 * full official occupation table. All rows or none; each refused row is listed with its line and column.
 */
@Component
class ImportOccupationsCommand implements Command {

	/** The full table is well under 1 MB; a far larger file is not an occupation table. */
	static final long MAX_BYTES = 5L * 1024 * 1024;

	private final Occupations occupations;
	private final MessageSource messages;

	ImportOccupationsCommand(Occupations occupations, MessageSource messages) {
		this.occupations = occupations;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "import-occupations";
	}

	@Override
	public String usage() {
		return "<file.csv> --edition=<edition, e.g. 2022> [--lang=en]";
	}

	@Override
	public int run(List<String> arguments, Locale locale, PrintStream out) {
		Optional<String> edition = arguments.stream().filter(a -> a.startsWith("--edition="))
			.map(a -> a.substring("--edition=".length())).findFirst();
		List<String> files = arguments.stream().filter(a -> !a.startsWith("--")).toList();
		if (files.size() != 1 || edition.isEmpty()) {
			out.println(name() + " " + usage());
			return 2;
		}
		Path file = Path.of(files.getFirst());
		try {
			if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
				out.println(text(locale, "reference.import.file", file, MAX_BYTES / 1024 / 1024));
				return 2;
			}
			ImportResult result;
			try (InputStream in = Files.newInputStream(file)) {
				result = occupations.importCsv(in, edition.get());
			}
			if (result.succeeded()) {
				out.println(text(locale, "reference.import.done", result.rowsRead(), result.rowsWritten()));
				return 0;
			}
			for (ImportResult.RowError error : result.errors()) {
				out.println(text(locale, "reference.import.rowError", error.line(),
						error.column() == null ? "-" : error.column(),
						text(locale, error.messageCode(), error.messageArgs())));
			}
			out.println(text(locale, "reference.import.refused", result.errors().size()));
			return 1;
		}
		catch (IOException ex) {
			out.println(text(locale, "reference.import.file", file, MAX_BYTES / 1024 / 1024));
			return 2;
		}
	}

	private String text(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
