package fr.ptce.observatory.schedule;

class RecoveryH2Test extends RecoveryContract {

	@Override
	TestServers.Database database() {
		return TestServers.Database.h2();
	}

}
