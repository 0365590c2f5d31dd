package service

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"

	"schakel/app/store"
)

// tallyCache keeps the tallies of the current plans' actions that the
// programme overview read last, for as long as no action changes and the
// day is the same: the tallies pass over every action of every current
// plan (20,000 for the country's 342 municipalities), the stamp that
// says whether they are still right is a cheaper pass over one index. It
// follows the rule of the plan page's board cache (store.BoardStamp), so
// the overview and the plan pages change together. The zero value is
// ready to use.
type tallyCache struct {
	mu      sync.Mutex
	entries map[tallyKey][]store.ActionTally
	order   []tallyKey
}

// tallyKey is what the tallies depend on: every action (the stamp), the
// day by which overdue is judged, and which plans are counted.
type tallyKey struct {
	stamp, today, plans string
}

// maxTallies is how many sets of tallies are kept: the reviewers' one and
// a few coordinators'.
const maxTallies = 16

// actionTallies returns the tallies of the plans' actions on day today,
// kept ones when no action changed since they were read. The stamp is
// read before the tallies, so that tallies kept under a stamp are never
// older than it.
func (s *Service) actionTallies(ctx context.Context, planIDs []int64, today string) ([]store.ActionTally, error) {
	stamp, err := store.ActionsStamp(ctx, s.DB)
	if err != nil {
		return nil, err
	}
	ids := slices.Clone(planIDs)
	slices.Sort(ids)
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(strconv.FormatInt(id, 10))
		b.WriteByte(',')
	}
	key := tallyKey{stamp: stamp, today: today, plans: b.String()}
	c := &s.tallies
	c.mu.Lock()
	kept, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return kept, nil
	}
	tallies, err := store.ActionTallies(ctx, s.DB, planIDs, today)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[tallyKey][]store.ActionTally{}
	}
	if _, ok := c.entries[key]; !ok {
		c.entries[key] = tallies
		c.order = append(c.order, key)
		if len(c.order) > maxTallies {
			delete(c.entries, c.order[0])
			c.order = c.order[1:]
		}
	}
	return tallies, nil
}
