package org.chunfeng.platform;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** {@code bench <engine> [options]}: runs one of the modules' benchmarks on this machine and prints its figures. */
@Component
class BenchCommand implements Command {

	private final List<Benchmark> benchmarks;

	BenchCommand(List<Benchmark> benchmarks) {
		this.benchmarks = benchmarks;
	}

	@Override
	public String name() {
		return "bench";
	}

	@Override
	public String usage() {
		return "<engine> [options]; engines: " + String.join(", ", benchmarks.stream().map(Benchmark::engine).toList());
	}

	@Override
	public int run(List<String> arguments, Locale locale, PrintStream out) {
		if (arguments.isEmpty()) {
			out.println("bench " + usage());
			return 2;
		}
		for (Benchmark benchmark : benchmarks) {
			if (benchmark.engine().equals(arguments.getFirst())) {
				try {
					return benchmark.run(arguments.subList(1, arguments.size()), out);
				}
				catch (Exception ex) {
					out.println("bench " + benchmark.engine() + " failed: " + ex);
					return 1;
				}
			}
		}
		out.println("bench " + usage());
		return 2;
	}
}
