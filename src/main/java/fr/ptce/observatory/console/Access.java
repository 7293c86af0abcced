package fr.ptce.observatory.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may reach a console handler, checked by {@link ConsoleGuard} before it runs. A
 * partner reaching a staff page gets the console's one 404 (nothing tells what exists); a
 * reader posting an action gets 403.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Access {

	enum Level {

		/** No session needed: the sign-in page. */
		ANYONE,
		/** Any signed-in viewer (partners' pages check the partner themselves). */
		SIGNED_IN,
		/** Operators and readers. */
		STAFF,
		/** Operators only: every action. */
		OPERATOR

	}

	Level value();

}
