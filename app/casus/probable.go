package casus

// findProbable runs the detectors of the probable tier: names the
// workspace does not know, initials, schools, handles and streets named
// without a house number. They share one reading of the words.
func findProbable(c *collector, words []word) {
	p := newTextScan(c.s, words)
	findPeople(c, p)
	findInitials(c, p)
	findSchools(c, p)
	findHandles(c, p)
	findBareStreets(c, p)
}
