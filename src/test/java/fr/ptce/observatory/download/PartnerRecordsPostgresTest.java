package fr.ptce.observatory.download;

import fr.ptce.observatory.schedule.TestServers;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestServers.PG_URL, matches = ".+")
class PartnerRecordsPostgresTest extends PartnerRecordsContract {

	@Override
	TestServers.Database database() throws Exception {
		return TestServers.Database.postgres("obs_test_partner_records");
	}

}
