package fr.ptce.observatory.schedule;

class BackfillH2Test extends BackfillContract {

	@Override
	TestServers.Database database() {
		return TestServers.Database.h2();
	}

}
