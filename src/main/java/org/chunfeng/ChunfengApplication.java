package org.chunfeng;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chunfeng.platform.Command;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;

/**
 * Chunfeng (春风): the platform a labour bureau runs for its Spring Festival campaigns.
 * <p>
 * Each top-level package is an application module (a line of work of the campaign); see {@code DESIGN.md}.
 * Started with a command word ({@code java -jar chunfeng.jar import-occupations ...}) it runs that
 * {@link Command} instead of serving, and exits.
 */
@Modulithic(sharedModules = "platform")
@SpringBootApplication
public class ChunfengApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].matches("[a-z][a-z0-9-]*")) {
			System.exit(runCommand(args[0], Arrays.asList(args).subList(1, args.length)));
		}
		SpringApplication.run(ChunfengApplication.class, args);
	}

	private static int runCommand(String name, List<String> arguments) {
		SpringApplication application = new SpringApplication(ChunfengApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "warn",
				"chunfeng.demo.enabled", "false"));
		List<String> springArguments = arguments.stream().filter(a -> a.startsWith("--spring.")
				|| a.startsWith("--chunfeng.")).toList();
		List<String> commandArguments = arguments.stream().filter(a -> !springArguments.contains(a)).toList();
		try (ConfigurableApplicationContext context = application.run(springArguments.toArray(String[]::new))) {
			Map<String, Command> commands = context.getBeansOfType(Command.class);
			Locale locale = commandArguments.contains("--lang=en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
			return commands.values().stream().filter(c -> c.name().equals(name)).findFirst()
				.map(c -> c.run(commandArguments.stream().filter(a -> !a.startsWith("--lang=")).toList(), locale,
						System.out))
				.orElseGet(() -> {
					System.err.println("Unknown command '" + name + "'. Commands:");
					commands.values().forEach(c -> System.err.println("  " + c.name() + " " + c.usage()));
					return 2;
				});
		}
	}
}
