package model

import (
	"time"

	"github.com/uptrace/bun"
)

// OrganisationKind says what sort of organisation takes part: a municipality,
// a chain partner of a given kind, or the reviewing organisation.
type OrganisationKind string

// The organisation kinds Schakel knows, in the words of the domain glossary.
const (
	OrgMunicipality    OrganisationKind = "gemeente"
	OrgPolice          OrganisationKind = "politie"
	OrgVeiligThuis     OrganisationKind = "veilig_thuis"
	OrgYouthProtection OrganisationKind = "jeugdbescherming"
	OrgYouthCare       OrganisationKind = "jeugdhulp"
	OrgHealth          OrganisationKind = "ggd"
	OrgSchool          OrganisationKind = "onderwijs"
	OrgSafetyHouse     OrganisationKind = "zorg_veiligheidshuis"
	OrgNational        OrganisationKind = "landelijk"
	OrgCare            OrganisationKind = "zorg"
	OrgReviewer        OrganisationKind = "kinderrechten"
	OrgPlatform        OrganisationKind = "platform"
)

// OrganisationKinds lists every kind in the order forms offer them.
var OrganisationKinds = []OrganisationKind{
	OrgMunicipality, OrgPolice, OrgVeiligThuis, OrgYouthProtection, OrgYouthCare,
	OrgHealth, OrgSchool, OrgSafetyHouse, OrgCare, OrgNational, OrgReviewer, OrgPlatform,
}

// Valid reports whether k is one of OrganisationKinds.
func (k OrganisationKind) Valid() bool {
	for _, v := range OrganisationKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Organisation is a municipality or chain partner whose people hold accounts.
type Organisation struct {
	bun.BaseModel `bun:"table:organisations"`

	ID        int64            `bun:"id,pk,autoincrement"`
	Name      string           `bun:"name,notnull,unique"`
	Kind      OrganisationKind `bun:"kind,notnull"`
	CreatedAt time.Time        `bun:"created_at,notnull"`

	// RegionID is the region the organisation works in; national
	// organisations have none.
	RegionID *int64  `bun:"region_id"`
	Region   *Region `bun:"rel:belongs-to,join:region_id=id"`
}
