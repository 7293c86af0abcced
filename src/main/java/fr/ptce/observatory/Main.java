package fr.ptce.observatory;

import java.util.OptionalInt;

import fr.ptce.observatory.cli.ClassDataLaunch;
import fr.ptce.observatory.cli.CompilerPolicy;
import fr.ptce.observatory.cli.ObservatoryCommand;

/**
 * {@code java -jar observatory.jar [global options] COMMAND [options]}: see
 * {@link ObservatoryCommand}.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		// first: the command in a JVM started with the build's class-data archive, where
		// there is one (docs/startup.md)
		OptionalInt launched = ClassDataLaunch.run(args);
		if (launched.isPresent()) {
			System.exit(launched.getAsInt());
		}
		// what the JIT compiles in this process
		CompilerPolicy.commandLine(args);
		System.exit(ObservatoryCommand.execute(args));
	}

}
