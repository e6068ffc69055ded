package org.chunfeng.platform;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * A task an administrator runs on the server: {@code java -jar chunfeng.jar <name> [arguments]}. The application
 * starts without its web server, runs the command against the same database, and exits with its code.
 */
public interface Command {

	/** The word after {@code chunfeng.jar}, e.g. {@code import-occupations}. */
	String name();

	/** One line: the arguments it takes. */
	String usage();

	/**
	 * @return the process exit code: 0 done, 1 refused (the output says why), 2 bad arguments
	 */
	int run(List<String> arguments, Locale locale, PrintStream out);
}
