package fr.ptce.observatory.download;

import fr.ptce.observatory.schedule.TestServers;

class PartnerRecordsH2Test extends PartnerRecordsContract {

	@Override
	TestServers.Database database() {
		return TestServers.Database.h2();
	}

}
