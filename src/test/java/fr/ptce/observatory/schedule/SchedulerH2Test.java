package fr.ptce.observatory.schedule;

class SchedulerH2Test extends SchedulerContract {

	@Override
	TestServers.Database database() {
		return TestServers.Database.h2();
	}

}
