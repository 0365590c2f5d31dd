package service

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
	"schakel/app/textmerge"
)

// versioned is what saveField needs to know of one kind of object whose
// fields are saved one at a time, against the version the writer started
// from: plans, actions, meetings and agenda items.
type versioned[T any] struct {
	entity model.Entity
	// obj and act name the permission every save asks for.
	obj, act string
	// fields can be saved; any other field is not found.
	fields []string
	// text fields are long text, whose line ends are made "\n".
	text []string
	// merged fields are long text merged three-way with what others wrote
	// since; a stale write of any other field is a *Conflict.
	merged []string
	// private fields are recorded in the history without their values.
	private []string
	// guarded fields are free text that others read, checked by the
	// privacy guard before they are stored; strict ones (case notes)
	// refuse probable identifiers too. audit names the object of a
	// confirmation in the audit log; meeting, when set, is the meeting an
	// object belongs to, whose guests' names the guard looks for.
	guarded, strict []string
	audit           string
	meeting         func(obj *T) int64

	// load reads the object for update and refuses a save of field that
	// may not be made, such as one of a deleted object.
	load func(ctx context.Context, tx bun.Tx, u *model.User, workspaceID, id int64, field string) (*T, error)
	// get returns the stored form of field.
	get func(obj *T, field string) string
	// set validates value and sets field on obj; it returns the other
	// fields whose values it changed along with it.
	set func(ctx context.Context, tx bun.Tx, obj *T, field, value string) ([]string, error)
	// row returns obj's id and where its version and update time are kept.
	row func(obj *T) (id int64, version *int, updated *time.Time)
	// write stores fields of obj, whose version is one up from the stored.
	write func(ctx context.Context, tx bun.Tx, obj *T, fields []string) error
	// saved, when set, runs in the transaction after a write of field.
	saved func(ctx context.Context, tx bun.Tx, u *model.User, obj *T, field string) error
	// events announces a committed change of fields.
	events func(obj *T, fields []string) []realtime.Event
}

// saveField is the one way a field of a versioned object is saved. The
// value is validated first; a value the field already holds changes
// nothing. If someone changed the field since baseVersion, long text is
// merged three-way and anything else, or text whose edits overlap, is
// refused with a *Conflict. The object is then written with its version
// one up and one change record per changed field, and the change is
// announced once the transaction has committed. It returns the object as
// saved, or as it stands when nothing changed.
func saveField[T any](ctx context.Context, s *Service, k *versioned[T], u *model.User, workspaceID, id int64, field, value string, baseVersion int) (*T, error) {
	if err := s.require(u, workspaceID, k.obj, k.act); err != nil {
		return nil, err
	}
	i := slices.Index(k.fields, field)
	if i < 0 {
		return nil, apperr.NotFound()
	}
	// The field's name goes on into live events, which outlive the
	// request: the kind's own string, not the caller's.
	field = k.fields[i]
	if slices.Contains(k.text, field) {
		value = strings.ReplaceAll(value, "\r\n", "\n")
	}
	var obj *T
	var changed []string
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		old, err := k.load(ctx, tx, u, workspaceID, id, field)
		if err != nil {
			return err
		}
		obj = old
		objID, version, _ := k.row(old)
		if baseVersion < 1 || baseVersion > *version {
			return apperr.New(http.StatusUnprocessableEntity, "error.version")
		}
		current := k.get(old, field)
		next, extra, err := k.apply(ctx, tx, old, field, value)
		if err != nil {
			return err
		}
		mine := k.get(next, field)
		g := k.guard(ctx, s, tx, workspaceID, old, field)
		if g != nil && (mine != current || g.asked("value")) {
			if err := k.checkText(ctx, g, field, mine, current); err != nil {
				return err
			}
		}
		if mine == current {
			return nil
		}
		stored, err := staleWrite(ctx, tx, workspaceID, k.entity, objID, field, baseVersion, *version, current, mine, slices.Contains(k.merged, field))
		if err != nil {
			return err
		}
		if stored != mine {
			// The merged text is checked like any other: it may, for
			// one, have grown too long, or hold what the guard refuses.
			if next, extra, err = k.apply(ctx, tx, old, field, stored); err != nil {
				return err
			}
			if k.get(next, field) == current {
				return nil
			}
			if g != nil {
				if err := k.checkText(ctx, g, field, k.get(next, field), current); err != nil {
					return err
				}
			}
		}
		changed = append([]string{field}, extra...)
		obj = next
		if err := k.record(ctx, tx, u, workspaceID, old, next, changed); err != nil {
			return err
		}
		if g != nil {
			return g.audit(ctx, tx, u, k.audit, objID)
		}
		return nil
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	if len(changed) > 0 {
		for _, ev := range k.events(obj, changed) {
			s.publish(ctx, ev)
		}
	}
	return obj, nil
}

// apply validates value and sets field on a copy of obj, so that obj stays
// as loaded for the history's old values.
func (k *versioned[T]) apply(ctx context.Context, tx bun.Tx, obj *T, field, value string) (*T, []string, error) {
	next := *obj
	extra, err := k.set(ctx, tx, &next, field, value)
	return &next, extra, err
}

// guard returns the privacy guard for a save of field of obj, or nil when
// the field is no free text.
func (k *versioned[T]) guard(ctx context.Context, s *Service, tx bun.Tx, workspaceID int64, obj *T, field string) *guard {
	if !slices.Contains(k.guarded, field) {
		return nil
	}
	var meetingID int64
	if k.meeting != nil {
		meetingID = k.meeting(obj)
	}
	return s.guard(ctx, tx, workspaceID, meetingID)
}

// checkText runs the guard over value, the new text of field, which an
// editor sends as "value"; what the field holds now was accepted before.
func (k *versioned[T]) checkText(ctx context.Context, g *guard, field, value, current string) error {
	g.check(ctx, "value", value, current, slices.Contains(k.strict, field))
	return g.result(&apperr.Validation{})
}

// record writes next, the changed old, with its version one up, and one
// change record per changed field.
func (k *versioned[T]) record(ctx context.Context, tx bun.Tx, u *model.User, workspaceID int64, old, next *T, changed []string) error {
	now := time.Now().UTC()
	id, version, updated := k.row(next)
	*version++
	*updated = now
	if err := k.write(ctx, tx, next, changed); err != nil {
		return err
	}
	if k.saved != nil {
		if err := k.saved(ctx, tx, u, next, changed[0]); err != nil {
			return err
		}
	}
	history := make([]model.Change, 0, len(changed))
	for _, f := range changed {
		c := model.Change{
			WorkspaceID: workspaceID, Entity: k.entity, EntityID: id, Version: *version,
			UserID: u.ID, Field: f, CreatedAt: now,
		}
		if !slices.Contains(k.private, f) {
			c.OldValue, c.NewValue = k.get(old, f), k.get(next, f)
		}
		history = append(history, c)
	}
	return store.AddChanges(ctx, tx, history)
}

// staleWrite decides a write of field that started from baseVersion of an
// object now at version, holding current: the value to store, or a
// *Conflict when someone changed the field since. A merged field is merged
// three-way with what they wrote, and is a conflict only where the edits
// overlap. A write of the value the field already holds is no conflict.
func staleWrite(ctx context.Context, db bun.IDB, workspaceID int64, entity model.Entity, id int64, field string, baseVersion, version int, current, value string, merged bool) (string, error) {
	if baseVersion >= version || value == current {
		return value, nil
	}
	since, err := store.FieldChangesSince(ctx, db, workspaceID, entity, id, field, baseVersion)
	if err != nil || len(since) == 0 {
		return value, err
	}
	conflict := &Conflict{Field: field, Theirs: current, Mine: value, Version: version, ByUserID: since[len(since)-1].UserID}
	if !merged {
		return "", conflict
	}
	text, ok := textmerge.Merge(since[0].OldValue, value, current)
	if !ok {
		return "", conflict
	}
	return text, nil
}

// Conflict is a write refused because someone else changed the same field
// since the version the writer started from. It carries both values so
// that the writer can choose.
type Conflict struct {
	Field   string
	Theirs  string
	Mine    string
	Version int
	// ByUserID is who made the latest change to the field.
	ByUserID int64
}

func (c *Conflict) Error() string {
	return "conflict on " + c.Field + " at version " + strconv.Itoa(c.Version)
}
