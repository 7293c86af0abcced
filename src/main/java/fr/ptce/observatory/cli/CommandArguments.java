package fr.ptce.observatory.cli;

import java.util.List;

/**
 * What the arguments of {@code java -jar observatory.jar ARGS} say before picocli parses
 * them: which command they name and the value of an option, for the decisions taken
 * before the command line is built (the second JVM and its compilers, which commands
 * picocli models). Loads nothing of picocli: the first JVM of {@link ClassDataLaunch}
 * uses it.
 */
final class CommandArguments {

	/** The options of the program (ObservatoryCommand), each followed by a value. */
	static final List<String> GLOBAL_OPTIONS = List.of("--data-dir", "--registry", "--partners");

	private CommandArguments() {
	}

	/**
	 * The command named by the arguments: the first one that is neither an option nor the
	 * value of a global option; null for none (help, version, usage error).
	 */
	static String command(String... args) {
		int command = commandIndex(args);
		return command < 0 ? null : args[command];
	}

	/**
	 * Whether every argument before the command named is a global option or its value
	 * (not {@code --help} or {@code --version}, which answer for the whole program).
	 */
	static boolean onlyGlobalOptionsBefore(String... args) {
		int command = commandIndex(args);
		for (int i = 0; i < command; i++) {
			if (GLOBAL_OPTIONS.contains(args[i])) {
				i++;
			}
			else if (!GLOBAL_OPTIONS.contains(args[i].split("=", 2)[0])) {
				return false;
			}
		}
		return true;
	}

	private static int commandIndex(String... args) {
		for (int i = 0; i < args.length; i++) {
			if (GLOBAL_OPTIONS.contains(args[i])) {
				i++;
			}
			else if (!args[i].startsWith("-")) {
				return i;
			}
		}
		return -1;
	}

	/** The value of an option given as {@code --name VALUE} or {@code --name=VALUE}. */
	static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals(name) && i + 1 < args.length) {
				return args[i + 1];
			}
			if (args[i].startsWith(name + "=")) {
				return args[i].substring(name.length() + 1);
			}
		}
		return fallback;
	}

}
