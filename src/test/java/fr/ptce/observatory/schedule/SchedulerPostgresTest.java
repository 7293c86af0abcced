package fr.ptce.observatory.schedule;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestServers.PG_URL, matches = ".+")
class SchedulerPostgresTest extends SchedulerContract {

	@Override
	TestServers.Database database() throws Exception {
		return TestServers.Database.postgres("obs_test_scheduler");
	}

}
