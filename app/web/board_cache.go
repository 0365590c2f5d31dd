package web

import (
	"container/list"
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"schakel/app/service"
	"schakel/views"
)

// A plan's board is the same for everyone who opens the plan with the same
// rights, language and filter on the same day, and rendering its rows costs
// far more than anything else of the page. The board cache keeps the
// rendered rows (views.PlanSections) per server, under a key that holds
// everything they show: a stamp read from the database on every request
// (service.BoardStamp: the plan's version, the writes of its actions, its
// owners' names), the language, the viewer's rights, the day, and the
// filter. A change makes a new key, so no page is ever stale; the old
// entry ages out.

// boardCacheBytes bounds the rendered rows kept, over all plans: some
// twenty of the largest plans (1,000 actions, 1.4 MB), a hundred of the
// usual ones.
const boardCacheBytes = 32 << 20

// boardKey is everything the rendered rows depend on.
type boardKey struct {
	stamp service.BoardStamp
	lang  string
	// edit and manage are the viewer's rights on the plan.
	edit, manage bool
	// day is the day by which due dates are judged.
	day    string
	filter service.ActionFilter
	// user is the viewer's id, only when the filter shows their actions.
	user int64
}

// boardEntry is a board's rendered rows with the counts the rest of the
// page shows.
type boardEntry struct {
	sections               views.Prerendered
	progress, shown, total int
}

// boardCache is a least-recently-used cache of rendered boards, bounded by
// their size in bytes. (hashicorp/golang-lru bounds by count only, which
// for entries from 10 KB to 1.4 MB says little about memory.)
type boardCache struct {
	mu sync.Mutex
	// now is the clock the day is read from; off has the plan page render
	// its rows with the rest, as without a cache (tests compare the two).
	now   func() time.Time
	off   bool
	max   int
	size  int
	order *list.List // of *boardItem, most recently used first
	items map[boardKey]*list.Element
	// rendering lets requests that miss on the same key at once wait for
	// one render.
	rendering singleflight.Group
}

// flightName names a key for singleflight; only misses need it.
func flightName(key boardKey) string { return fmt.Sprintf("%v", key) }

type boardItem struct {
	key   boardKey
	entry boardEntry
	keep  bool
}

func newBoardCache(maxBytes int) *boardCache {
	return &boardCache{now: time.Now, max: maxBytes, order: list.New(), items: map[boardKey]*list.Element{}}
}

// today is the day by which due dates are judged now.
func (bc *boardCache) today() string {
	bc.mu.Lock()
	now := bc.now
	bc.mu.Unlock()
	return service.DayOf(now())
}

// enabled reports whether boards are to be kept at all.
func (bc *boardCache) enabled() bool {
	if bc == nil {
		return false
	}
	bc.mu.Lock()
	defer bc.mu.Unlock()
	return !bc.off
}

// boardRender renders the entry of a key. keep is false when what it read
// was no longer what the key's stamp stands for (a change committed in
// between): the entry is right for the request, but not for the key.
type boardRender func(context.Context) (e boardEntry, keep bool, err error)

// get returns the entry of key, rendering it with render when it is not
// kept. Requests that miss on the same key at once share one render, if
// the render may be kept; an entry larger than the whole cache is rendered
// but not kept.
func (bc *boardCache) get(ctx context.Context, key boardKey, render boardRender) (boardEntry, error) {
	if e, ok := bc.lookup(key); ok {
		return e, nil
	}
	v, err, _ := bc.rendering.Do(flightName(key), func() (any, error) {
		if e, ok := bc.lookup(key); ok {
			return boardItem{key, e, true}, nil
		}
		e, keep, err := render(ctx)
		if err != nil {
			return nil, err
		}
		if keep {
			bc.add(key, e)
		}
		return boardItem{key, e, keep}, nil
	})
	if err != nil {
		return boardEntry{}, err
	}
	if it := v.(boardItem); it.key == key && it.keep {
		return it.entry, nil
	}
	// The render was another request's and only good for it: this one's
	// is its own.
	e, _, err := render(ctx)
	return e, err
}

func (bc *boardCache) lookup(key boardKey) (boardEntry, bool) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	el, ok := bc.items[key]
	if !ok {
		return boardEntry{}, false
	}
	bc.order.MoveToFront(el)
	return el.Value.(*boardItem).entry, true
}

func (bc *boardCache) add(key boardKey, e boardEntry) {
	n := e.sections.Len()
	if n > bc.max {
		return
	}
	bc.mu.Lock()
	defer bc.mu.Unlock()
	if _, ok := bc.items[key]; ok {
		return
	}
	bc.items[key] = bc.order.PushFront(&boardItem{key, e, true})
	bc.size += n
	for bc.size > bc.max {
		last := bc.order.Back()
		it := last.Value.(*boardItem)
		bc.order.Remove(last)
		delete(bc.items, it.key)
		bc.size -= it.entry.sections.Len()
	}
}
