package service

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// MaxTarget is the largest target a programme year takes.
const MaxTarget = 1_000_000

// TrainedWorkspace is a workspace that held trainings in a year, with
// their number.
type TrainedWorkspace struct {
	ID        int64
	Name      string
	Kind      model.WorkspaceKind
	Trainings int
}

// Reach is how far a programme year got against its targets.
type Reach struct {
	Programme model.ProgrammeYear
	// From and Until are the days whose trainings count: the year up to
	// today.
	From, Until string
	// Municipalities and Networks are the workspaces of each kind with a
	// training in the year, by name.
	Municipalities []TrainedWorkspace
	Networks       []TrainedWorkspace
	// Professionals is the number of different people trained, Members
	// of them with an account and Guests without.
	Professionals, Members, Guests int
}

// CanSeeReach reports whether u sees the programme's reach and report:
// Defence for Children's reviewers and the administrators.
func (s *Service) CanSeeReach(u *model.User) bool {
	return s.Authz.CanPlatform(u, authz.ObjProgramme, authz.ActRead)
}

// CanManageProgramme reports whether u sets the programme years' targets.
func (s *Service) CanManageProgramme(u *model.User) bool {
	return s.Authz.CanPlatform(u, authz.ObjProgramme, authz.ActManage)
}

// ProgrammeYears lists the programme years, newest first.
func (s *Service) ProgrammeYears(ctx context.Context, u *model.User) ([]model.ProgrammeYear, error) {
	if !s.CanSeeReach(u) {
		return nil, apperr.Forbidden()
	}
	return store.ProgrammeYears(ctx, s.DB)
}

// ProgrammeReach counts the reach of programme year y. A year without a
// programme is apperr 404 "programme.error.no_programme".
//
// Who counts:
//   - a municipality, when a training of its workspace took place in the
//     year (a meeting of kind training, not deleted, dated in the year on
//     or before today); a network likewise for its own trainings;
//   - a professional, once however many trainings they attended: a member
//     by their account, a guest without an account by name and
//     organisation (spaces and capitals aside). At a training whose
//     presence was taken (anyone marked present or absent) those marked
//     present (aanwezig) count; at one whose presence was not taken, those
//     who said they would come (komt), since presence is often not taken
//     in the room and their answer is the best record there is.
func (s *Service) ProgrammeReach(ctx context.Context, u *model.User, y int) (*Reach, error) {
	if !s.CanSeeReach(u) {
		return nil, apperr.Forbidden()
	}
	rows, err := s.programmeRows(ctx, nil, y, Today())
	if err != nil {
		return nil, err
	}
	return s.reachOf(ctx, y, rows)
}

// reachOf counts the reach of programme year y from the overview's rows
// of every workspace in that year, whose trainings are those the reach
// counts (so that the overview and the reach agree), and the people
// trained.
func (s *Service) reachOf(ctx context.Context, y int, rows []ProgrammeRow) (*Reach, error) {
	p, err := store.ProgrammeYearOf(ctx, s.DB, y)
	if errors.Is(err, store.ErrNotFound) {
		return nil, apperr.New(http.StatusNotFound, "programme.error.no_programme")
	}
	if err != nil {
		return nil, err
	}
	r := &Reach{Programme: *p}
	r.From, r.Until = yearDays(y, Today())
	for _, row := range rows {
		if row.Trainings == 0 {
			continue
		}
		w := TrainedWorkspace{ID: row.WorkspaceID, Name: row.Name, Kind: row.Kind, Trainings: row.Trainings}
		if w.Kind == model.WorkspaceNetwork {
			r.Networks = append(r.Networks, w)
		} else {
			r.Municipalities = append(r.Municipalities, w)
		}
	}
	people, err := store.TrainedPeople(ctx, s.DB, r.From, r.Until)
	if err != nil {
		return nil, err
	}
	members, guests := map[int64]bool{}, map[string]bool{}
	for _, a := range people {
		if a.UserID != nil {
			members[*a.UserID] = true
		} else {
			guests[fold(a.GuestName)+"\x00"+fold(a.GuestOrganisation)] = true
		}
	}
	r.Members, r.Guests = len(members), len(guests)
	r.Professionals = r.Members + r.Guests
	return r, nil
}

// fold makes the name of a guest comparable: lower case, single spaces.
func fold(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace), " ")
}

// ProgrammeYearInput is the form of a programme year's targets.
type ProgrammeYearInput struct {
	Year, Municipalities, Networks, Professionals, FollowUpOf string
}

// SaveProgrammeYear creates the programme year or changes its targets.
// The municipalities' target is required; the others may stay empty (not
// set). A target is a positive whole number; a follow-up continues an
// earlier programme year.
func (s *Service) SaveProgrammeYear(ctx context.Context, u *model.User, in ProgrammeYearInput) (*model.ProgrammeYear, error) {
	if !s.CanManageProgramme(u) {
		return nil, apperr.Forbidden()
	}
	var v apperr.Validation
	year, err := strconv.Atoi(strings.TrimSpace(in.Year))
	if err != nil || year < MinYear || year > MaxYear {
		v.Add("year", "programme.error.year")
	}
	target := func(field, value string, required bool) int {
		value = strings.TrimSpace(value)
		if value == "" {
			if required {
				v.Add(field, "programme.error.target_required")
			}
			return 0
		}
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 || n > MaxTarget {
			v.Add(field, "programme.error.target")
		}
		return n
	}
	now := time.Now().UTC()
	y := &model.ProgrammeYear{
		Year:                 year,
		TargetMunicipalities: target("municipalities", in.Municipalities, true),
		TargetNetworks:       target("networks", in.Networks, false),
		TargetProfessionals:  target("professionals", in.Professionals, false),
		UpdatedBy:            &u.ID, CreatedAt: now, UpdatedAt: now,
	}
	var follows int
	if f := strings.TrimSpace(in.FollowUpOf); f != "" {
		n, err := strconv.Atoi(f)
		if err != nil || (v.Err() == nil && n >= year) {
			v.Add("follow_up_of", "programme.error.follow_up")
		}
		follows = n
		y.FollowUpOf = &follows
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if y.FollowUpOf != nil {
			if _, err := store.ProgrammeYearOf(ctx, tx, follows); errors.Is(err, store.ErrNotFound) {
				var v apperr.Validation
				v.Add("follow_up_of", "programme.error.follow_up")
				return v.Err()
			} else if err != nil {
				return err
			}
		}
		old, err := store.ProgrammeYearOf(ctx, tx, year)
		switch {
		case errors.Is(err, store.ErrNotFound):
			err = store.CreateProgrammeYear(ctx, tx, y)
		case err == nil:
			y.ID, y.CreatedAt = old.ID, old.CreatedAt
			err = store.UpdateProgrammeYear(ctx, tx, y)
		}
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("%d: %d/%d/%d", y.Year, y.TargetMunicipalities, y.TargetNetworks, y.TargetProfessionals)
		return s.auditPlatform(ctx, tx, u, model.AuditProgrammeYearSave, model.AuditObjectProgrammeYear, y.ID, detail)
	})
	if err != nil {
		return nil, err
	}
	return y, nil
}
