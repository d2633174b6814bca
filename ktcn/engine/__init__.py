"""Deadlines and status: pure functions of the records and an as-of day (schedules, working days, standings)."""
