package fr.ptce.observatory;

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
		// first: what the JIT compiles in this process (docs/startup.md)
		CompilerPolicy.commandLine(args);
		System.exit(ObservatoryCommand.execute(args));
	}

}
