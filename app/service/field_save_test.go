package service_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// saved is an object as a field save returned it or as it is stored.
type saved struct {
	version int
	get     func(field string) string
}

// editable is one kind of versioned object, seen through its field saves.
type editable struct {
	name   string
	entity model.Entity
	// create makes a fresh object and returns its id.
	create func(t *testing.T) int64
	// save saves one field through the service.
	save func(ctx context.Context, u *model.User, id int64, field, value string, version int) (saved, error)
	// load reads the object as db holds it.
	load func(ctx context.Context, db bun.IDB, id int64) (saved, error)
	// short is a short field with two values people disagree on.
	short, mine, theirs string
	// long is the field of long text merged three-way; "" when none.
	long string
	// invalid is a value of invalid that is refused with message.
	invalid, bad, message string
}

// editables are the four kinds of versioned object in f's workspace.
func editables(f *fixture) []editable {
	ctx := context.Background()
	must := func(t *testing.T, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	meeting := func(t *testing.T) *model.Meeting {
		t.Helper()
		m, err := f.svc.CreateMeeting(ctx, f.anna, f.ws, service.MeetingInput{
			Title: "Netwerkoverleg Havenstad", Kind: model.MeetingNetwork, Date: "2027-03-11",
			StartTime: "09:30", Duration: "90", PlanID: itoa(f.plan.ID),
		})
		must(t, err)
		return m
	}
	return []editable{
		{
			name: "plan", entity: model.EntityPlan,
			create: func(t *testing.T) int64 {
				p, err := f.svc.CreatePlan(ctx, f.anna, f.ws, service.PlanInput{Title: "Plan Havenstad 2028", PeriodStart: "2028-01-01", PeriodEnd: "2028-12-31", Framework: model.FrameworkPillars})
				must(t, err)
				return p.ID
			},
			save: func(ctx context.Context, u *model.User, id int64, field, value string, version int) (saved, error) {
				p, err := f.svc.UpdatePlanField(ctx, u, f.ws, id, field, value, version)
				if err != nil {
					return saved{}, err
				}
				return saved{p.Version, func(x string) string { return service.PlanField(p, x) }}, nil
			},
			load: func(ctx context.Context, db bun.IDB, id int64) (saved, error) {
				p, err := store.Plan(ctx, db, f.ws, id)
				if err != nil {
					return saved{}, err
				}
				return saved{p.Version, func(x string) string { return service.PlanField(p, x) }}, nil
			},
			short: "title", mine: "Plan van aanpak Havenstad 2028", theirs: "Aanpak kindermishandeling 2028",
			invalid: "period_end", bad: "2027-06-30", message: "plans.error.period_order",
		},
		{
			name: "action", entity: model.EntityAction,
			create: func(t *testing.T) int64 {
				return f.action(t, "Casusoverleg inrichten", model.ThemeCare).ID
			},
			save: func(ctx context.Context, u *model.User, id int64, field, value string, version int) (saved, error) {
				a, err := f.svc.UpdateActionField(ctx, u, f.ws, id, field, value, version)
				if err != nil {
					return saved{}, err
				}
				return saved{a.Version, func(x string) string { return service.ActionField(a, x) }}, nil
			},
			load: func(ctx context.Context, db bun.IDB, id int64) (saved, error) {
				a, err := store.Action(ctx, db, f.ws, id)
				if err != nil {
					return saved{}, err
				}
				return saved{a.Version, func(x string) string { return service.ActionField(a, x) }}, nil
			},
			short: "title", mine: "Casusoverleg elke maand", theirs: "Casusoverleg om de twee weken",
			long:    "description",
			invalid: "progress", bad: "120", message: "actions.error.progress",
		},
		{
			name: "meeting", entity: model.EntityMeeting,
			create: func(t *testing.T) int64 { return meeting(t).ID },
			save: func(ctx context.Context, u *model.User, id int64, field, value string, version int) (saved, error) {
				m, err := f.svc.UpdateMeetingField(ctx, u, f.ws, id, field, value, version)
				if err != nil {
					return saved{}, err
				}
				return saved{m.Version, func(x string) string { return service.MeetingField(m, x) }}, nil
			},
			load: func(ctx context.Context, db bun.IDB, id int64) (saved, error) {
				m, err := store.Meeting(ctx, db, f.ws, id)
				if err != nil {
					return saved{}, err
				}
				return saved{m.Version, func(x string) string { return service.MeetingField(m, x) }}, nil
			},
			short: "location", mine: "Stadhuis, zaal 2", theirs: "Wijkcentrum De Haven",
			invalid: "start_time", bad: "25:00", message: "validation.time",
		},
		{
			name: "agenda item", entity: model.EntityItem,
			create: func(t *testing.T) int64 {
				it, err := f.svc.CreateItem(ctx, f.anna, f.ws, meeting(t).ID, service.ItemInput{Title: "Signalen uit de wijk", Kind: model.ItemDiscussion, Duration: "20"})
				must(t, err)
				return it.ID
			},
			save: func(ctx context.Context, u *model.User, id int64, field, value string, version int) (saved, error) {
				it, err := f.svc.UpdateItemField(ctx, u, f.ws, id, field, value, version)
				if err != nil {
					return saved{}, err
				}
				return saved{it.Version, func(x string) string { return service.ItemField(it, x) }}, nil
			},
			load: func(ctx context.Context, db bun.IDB, id int64) (saved, error) {
				it, err := store.Item(ctx, db, f.ws, id)
				if err != nil {
					return saved{}, err
				}
				return saved{it.Version, func(x string) string { return service.ItemField(it, x) }}, nil
			},
			short: "title", mine: "Signalen uit de scholen", theirs: "Signalen van de wijkagent",
			long:    "notes",
			invalid: "duration", bad: "0", message: "validation.minutes_range",
		},
	}
}

// stored reads e's object as committed, failing the test when it cannot.
func (e editable) stored(t *testing.T, db bun.IDB, id int64) saved {
	t.Helper()
	s, err := e.load(context.Background(), db, id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestFieldSaveStaleShortFieldIsAConflict(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		for _, e := range editables(f) {
			t.Run(e.name, func(t *testing.T) {
				id := e.create(t)
				base := e.stored(t, db, id).version
				if _, err := e.save(ctx, f.anna, id, e.short, e.theirs, base); err != nil {
					t.Fatal(err)
				}
				f.events.take()
				_, err := e.save(ctx, f.mo, id, e.short, e.mine, base)
				var c *service.Conflict
				if !errors.As(err, &c) {
					t.Fatalf("a stale write of %s: %v, want a conflict", e.short, err)
				}
				if c.Field != e.short || c.Theirs != e.theirs || c.Mine != e.mine || c.ByUserID != f.anna.ID || c.Version != base+1 {
					t.Fatalf("the conflict does not name who saved what: %+v", c)
				}
				if got := e.stored(t, db, id); got.get(e.short) != e.theirs || got.version != base+1 {
					t.Fatalf("the refused write changed %s to %q at version %d", e.short, got.get(e.short), got.version)
				}
				if ev := f.events.take(); len(ev) != 0 {
					t.Fatalf("a refused write was announced: %+v", ev)
				}
				if _, err := e.save(ctx, f.mo, id, e.short, "  "+e.theirs+" ", base); err != nil {
					t.Fatalf("writing what they wrote, with spaces around it, is no conflict: %v", err)
				}
			})
		}
	})
}

func TestFieldSaveMergesLongText(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		start := "Doel: elke maand een casusoverleg.\n\nDeelnemers: politie en Veilig Thuis.\n\nVerslag: door de gemeente."
		for _, e := range editables(f) {
			if e.long == "" {
				continue // every field of it is short: covered by the conflict test
			}
			t.Run(e.name, func(t *testing.T) {
				id := e.create(t)
				tests := []struct {
					name, annas, mos string
					// merged is what the text holds after both, or "" for a conflict.
					merged string
				}{
					{
						name:   "edits of different paragraphs",
						annas:  strings.Replace(start, "elke maand", "elke twee weken", 1),
						mos:    strings.Replace(start, "politie en Veilig Thuis", "politie, Veilig Thuis en jeugdbescherming", 1),
						merged: "Doel: elke twee weken een casusoverleg.\n\nDeelnemers: politie, Veilig Thuis en jeugdbescherming.\n\nVerslag: door de gemeente.",
					},
					{
						name:  "edits of the same sentence",
						annas: strings.Replace(start, "door de gemeente", "door de zorgcoördinator", 1),
						mos:   strings.Replace(start, "door de gemeente", "door de politie", 1),
					},
				}
				for _, tt := range tests {
					t.Run(tt.name, func(t *testing.T) {
						base, err := e.save(ctx, f.anna, id, e.long, start, e.stored(t, db, id).version)
						if err != nil {
							t.Fatal(err)
						}
						if _, err := e.save(ctx, f.anna, id, e.long, tt.annas, base.version); err != nil {
							t.Fatal(err)
						}
						got, err := e.save(ctx, f.mo, id, e.long, strings.ReplaceAll(tt.mos, "\n", "\r\n"), base.version)
						if tt.merged == "" {
							var c *service.Conflict
							if !errors.As(err, &c) || c.Theirs != tt.annas || c.Mine != tt.mos || c.ByUserID != f.anna.ID {
								t.Fatalf("overlapping edits: %v, want a conflict carrying both texts", err)
							}
							if s := e.stored(t, db, id); s.get(e.long) != tt.annas {
								t.Fatalf("a conflict changed the text to %q", s.get(e.long))
							}
							return
						}
						if err != nil {
							t.Fatalf("edits that do not overlap were refused: %v", err)
						}
						if got.get(e.long) != tt.merged || e.stored(t, db, id).get(e.long) != tt.merged {
							t.Fatalf("merged text:\n%s\nwant:\n%s", got.get(e.long), tt.merged)
						}
					})
				}
			})
		}
	})
}

func TestFieldSaveRefusesInvalidInput(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		for _, e := range editables(f) {
			t.Run(e.name, func(t *testing.T) {
				id := e.create(t)
				before := e.stored(t, db, id)
				history, _ := store.Changes(ctx, db, f.ws, e.entity, id)
				f.events.take()
				_, err := e.save(ctx, f.anna, id, e.invalid, e.bad, before.version)
				ae, ok := apperr.As(err)
				if !ok || ae.Status != 422 || ae.Fields["value"] != e.message {
					t.Fatalf("%s %q: %v, want 422 with %s", e.invalid, e.bad, err, e.message)
				}
				after := e.stored(t, db, id)
				if after.version != before.version || after.get(e.invalid) != before.get(e.invalid) {
					t.Fatalf("the refused value was written: version %d → %d, %q", before.version, after.version, after.get(e.invalid))
				}
				if now, _ := store.Changes(ctx, db, f.ws, e.entity, id); len(now) != len(history) {
					t.Fatalf("a refused value left %d change records", len(now)-len(history))
				}
				if ev := f.events.take(); len(ev) != 0 {
					t.Fatalf("a refused value was announced: %+v", ev)
				}
				if _, err := e.save(ctx, f.anna, id, "created_by", "1", before.version); status(err) != 404 {
					t.Fatalf("a field that cannot be edited: %v, want 404", err)
				}
			})
		}
	})
}

// committedLog keeps each event with the version stored when it was
// published, read over a connection of its own, which sees only what is
// committed.
type committedLog struct {
	read func(ev realtime.Event) int
	mu   sync.Mutex
	got  []announced
}

type announced struct {
	realtime.Event
	stored int
}

func (l *committedLog) Publish(_ context.Context, ev realtime.Event) {
	v := l.read(ev)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.got = append(l.got, announced{ev, v})
}

func (l *committedLog) take() []announced {
	l.mu.Lock()
	defer l.mu.Unlock()
	got := l.got
	l.got = nil
	return got
}

// committedReader returns a handle on db that sees only committed rows: on
// PostgreSQL another connection of the pool, on SQLite (one connection) a
// second handle on the same file.
func committedReader(t *testing.T, db *bun.DB) bun.IDB {
	t.Helper()
	if store.IsPostgres(db) {
		return db
	}
	var seq int
	var name, file string
	if err := db.QueryRowContext(context.Background(), "PRAGMA database_list").Scan(&seq, &name, &file); err != nil {
		t.Fatal(err)
	}
	reader, err := store.OpenSQLite(file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reader.Close() })
	return reader
}

func TestFieldSaveRecordsAndAnnouncesAfterCommit(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		reader := committedReader(t, db)
		list := editables(f)
		byEvent := map[string]editable{"plan": list[0], "action": list[1], "meeting": list[2], "item": list[3]}
		log := &committedLog{read: func(ev realtime.Event) int {
			s, err := byEvent[ev.Entity].load(ctx, reader, ev.ID)
			if err != nil {
				return -1
			}
			return s.version
		}}
		f.svc.Events = log
		for _, e := range list {
			t.Run(e.name, func(t *testing.T) {
				id := e.create(t)
				before := e.stored(t, db, id)
				history, _ := store.Changes(ctx, db, f.ws, e.entity, id)
				log.take()
				got, err := e.save(ctx, f.mo, id, e.short, "  "+e.mine+"\t", before.version)
				if err != nil {
					t.Fatal(err)
				}
				if got.version != before.version+1 || got.get(e.short) != e.mine {
					t.Fatalf("the save returned version %d holding %q", got.version, got.get(e.short))
				}
				now, _ := store.Changes(ctx, db, f.ws, e.entity, id)
				if len(now) != len(history)+1 {
					t.Fatalf("%d change records written, want 1", len(now)-len(history))
				}
				c := now[0]
				if c.Field != e.short || c.OldValue != before.get(e.short) || c.NewValue != e.mine || c.UserID != f.mo.ID || c.Version != got.version {
					t.Fatalf("change record %+v", c)
				}
				ev := log.take()
				if len(ev) != 1 || ev[0].ID != id || ev[0].Kind != realtime.Changed || ev[0].Version != got.version ||
					len(ev[0].Fields) != 1 || ev[0].Fields[0] != e.short {
					t.Fatalf("events %+v, want one naming %s at version %d", ev, e.short, got.version)
				}
				if ev[0].stored != got.version {
					t.Fatalf("announced while version %d was committed, before the save's %d", ev[0].stored, got.version)
				}
				if _, err := e.save(ctx, f.mo, id, e.short, e.mine, got.version); err != nil {
					t.Fatal(err)
				}
				if again := e.stored(t, db, id); again.version != got.version || len(log.take()) != 0 {
					t.Fatalf("saving the value the field holds made version %d or an event", again.version)
				}
			})
		}
	})
}
