package authz

import "sync"

// decisionKey is one question of one subject: may it do act on obj in dom.
type decisionKey struct{ dom, obj, act string }

// decisionCache keeps decisions per subject. Each subject has a generation
// that forget moves on; a decision is kept only if its subject's generation
// did not move while it was being made, so that a decision made on rules
// that changed meanwhile is never served.
type decisionCache struct {
	mu       sync.RWMutex
	subjects map[string]*subjectDecisions
}

type subjectDecisions struct {
	gen       uint64
	decisions map[decisionKey]bool
}

func newDecisionCache() decisionCache {
	return decisionCache{subjects: map[string]*subjectDecisions{}}
}

// get returns the cached decision, or the subject's generation to pass to
// put once the decision is made.
func (c *decisionCache) get(sub string, k decisionKey) (ok bool, gen uint64, cached bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	s := c.subjects[sub]
	if s == nil {
		return false, 0, false
	}
	ok, cached = s.decisions[k]
	return ok, s.gen, cached
}

// put keeps a decision made at generation gen, unless the subject's rules
// changed since.
func (c *decisionCache) put(sub string, k decisionKey, ok bool, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.subjects[sub]
	if s == nil {
		if gen != 0 {
			return
		}
		s = &subjectDecisions{decisions: map[decisionKey]bool{}}
		c.subjects[sub] = s
	}
	if s.gen != gen {
		return
	}
	s.decisions[k] = ok
}

// forget drops the subject's decisions and moves its generation on.
func (c *decisionCache) forget(sub string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.subjects[sub]
	if s == nil {
		// A decision under way for a subject never cached before reads
		// generation 0; keep a record at 1 so that it is not kept.
		c.subjects[sub] = &subjectDecisions{gen: 1, decisions: map[decisionKey]bool{}}
		return
	}
	s.gen++
	clear(s.decisions)
}
