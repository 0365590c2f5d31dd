package casus

// findProbable runs the detectors of the probable tier: names the
// workspace does not know, initials, schools, handles and streets named
// without a house number.
func findProbable(c *collector, words []word) {
	findPeople(c, words)
}
