package authz

import "testing"

// TestStaleDecisionIsNotKept makes a decision on the old rules, lets the
// rules change before it is stored, and wants it not kept.
func TestStaleDecisionIsNotKept(t *testing.T) {
	c := newDecisionCache()
	k := decisionKey{"ws:1", ObjPlan, ActRead}
	for _, tt := range []struct {
		name  string
		first bool // the subject had decisions before
	}{{"subject seen before", true}, {"subject never seen", false}} {
		t.Run(tt.name, func(t *testing.T) {
			sub := "user:" + tt.name
			if tt.first {
				_, gen, _ := c.get(sub, decisionKey{"ws:2", ObjPlan, ActRead})
				c.put(sub, decisionKey{"ws:2", ObjPlan, ActRead}, true, gen)
			}
			_, gen, _ := c.get(sub, k)
			c.forget(sub) // the rules changed while the decision was made
			c.put(sub, k, true, gen)
			if _, _, cached := c.get(sub, k); cached {
				t.Error("a decision made on the old rules was kept")
			}
			_, gen, _ = c.get(sub, k)
			c.put(sub, k, false, gen)
			if ok, _, cached := c.get(sub, k); !cached || ok {
				t.Error("a decision made on the new rules was not kept")
			}
		})
	}
}
