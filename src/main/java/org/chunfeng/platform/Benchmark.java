package org.chunfeng.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * One engine of {@code java -jar chunfeng.jar bench <engine> [options]}: it generates a deterministic data set,
 * runs the engine (and the baseline, where there is one), checks the results and prints the figures.
 */
public interface Benchmark {

	/** The word after {@code bench}, e.g. {@code import}. */
	String engine();

	/** One line: the options it takes. */
	String usage();

	/** @return the exit code: 0 done (figures printed), 1 a check failed, 2 bad options */
	int run(List<String> options, PrintStream out) throws Exception;
}
