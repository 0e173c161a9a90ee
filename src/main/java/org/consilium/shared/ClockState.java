package org.consilium.shared;

/** Where a {@link DeadlineClock} stands. */
public enum ClockState {

	/** Started, not on hold, not stopped: business days are being used up. */
	RUNNING,

	/** On hold: the last recorded {@link Pause} is open; each 17:00 on a business day adds a day. */
	PAUSED,

	/** Stopped (triage completed, opinion delivered, case withdrawn): the deadline no longer moves. */
	STOPPED

}
