package org.chunfeng;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Chunfeng (春风): the platform a labour bureau runs for its Spring Festival campaigns.
 * <p>
 * Each top-level package is an application module (a line of work of the campaign); see {@code DESIGN.md}.
 */
@Modulithic(sharedModules = "platform")
@SpringBootApplication
public class ChunfengApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChunfengApplication.class, args);
	}
}
