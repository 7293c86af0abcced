package fr.ptce.observatory.schedule;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestServers.PG_URL, matches = ".+")
class ServeProcessPostgresTest extends ServeProcessContract {

	@Override
	TestServers.Database database() throws Exception {
		return TestServers.Database.postgres("obs_test_serve_process");
	}

}
