"""SSDA903 code lists (2024-2026), named as the DfE names them."""

from django.db import models


class ReasonNewEpisode(models.TextChoices):
    S = "S", "Started to be looked after"
    L = "L", "Change of legal status only"
    P = "P", "Change of placement and carer(s) only"
    T = "T", "Change of both legal status and placement"
    B = "B", "Change of legal status and placement, same carer"
    U = "U", "Change of placement, same carer"


class LegalStatus(models.TextChoices):
    C1 = "C1", "Interim care order"
    C2 = "C2", "Full care order"
    D1 = "D1", "Freeing order granted"
    E1 = "E1", "Placement order granted"
    V2 = "V2", "Single period of accommodation under s20"
    V3 = "V3", "Accommodated under an agreed series of short-term breaks (individual episodes)"
    V4 = "V4", "Accommodated under an agreed series of short-term breaks (series of episodes)"
    L1 = "L1", "Under police protection"
    L2 = "L2", "Emergency protection order"
    L3 = "L3", "Under child assessment order and in LA accommodation"
    J1 = "J1", "Remanded to LA accommodation or youth detention"
    J2 = "J2", "Placed in LA accommodation under PACE"
    J3 = "J3", "Sentenced to a youth rehabilitation order with residence requirement"


class CategoryOfNeed(models.TextChoices):
    N1 = "N1", "Abuse or neglect"
    N2 = "N2", "Child's disability"
    N3 = "N3", "Parental illness or disability"
    N4 = "N4", "Family in acute stress"
    N5 = "N5", "Family dysfunction"
    N6 = "N6", "Socially unacceptable behaviour"
    N7 = "N7", "Low income"
    N8 = "N8", "Absent parenting"


class ReasonEpisodeCeased(models.TextChoices):
    X1 = "X1", "Episode ceases, and new episode begins on the same day"
    E11 = "E11", "Adopted: application unopposed"
    E12 = "E12", "Adopted: consent dispensed with"
    E2 = "E2", "Died"
    E3 = "E3", "Care taken over by another LA"
    E4A = "E4A", "Returned home to parents, as part of the care planning process"
    E4B = "E4B", "Returned home to parents, not as part of the care planning process"
    E13 = "E13", "Left care to live with parents, relatives or others, no parental responsibility"
    E41 = "E41", "Residence order or child arrangements order granted"
    E45 = "E45", "Special guardianship order made to former foster carers"
    E46 = "E46", "Special guardianship order made to carers other than former foster carers"
    E47 = "E47", "Special guardianship order made to other carers (pre-2015)"
    E48 = "E48", "Special guardianship order made to other carers (pre-2015, other)"
    E5 = "E5", "Moved into independent living with supportive accommodation"
    E6 = "E6", "Moved into independent living without formalised support"
    E7 = "E7", "Transferred to residential care funded by adult social care"
    E9 = "E9", "Sentenced to custody"
    E14 = "E14", "Accommodation on remand ended"
    E15 = "E15", "Age assessment determined child is 18 or over"
    E16 = "E16", "Child moved abroad"
    E17 = "E17", "Aged 18 (or over) and remained with current carers"
    E8 = "E8", "Period of being looked after ceased for any other reason"


class ReviewParticipation(models.TextChoices):
    PN0 = "PN0", "Child aged under 4 at the time of the review"
    PN1 = "PN1", "Child physically attended and spoke for themselves"
    PN2 = "PN2", "Child physically attended; an advocate spoke for them"
    PN3 = "PN3", "Child attended and conveyed views symbolically"
    PN4 = "PN4", "Child physically attended but did not contribute views"
    PN5 = "PN5", "Child did not attend but briefed an advocate"
    PN6 = "PN6", "Child did not attend but conveyed views by another method"
    PN7 = "PN7", "Child did not attend or contribute"


class MissingKind(models.TextChoices):
    MISSING = "M", "Missing"
    AWAY = "A", "Away from placement without authorisation"


class CareLeaverActivity(models.TextChoices):
    F1 = "F1", "Higher education, full time"
    P1 = "P1", "Higher education, part time"
    F2 = "F2", "Other education, full time"
    P2 = "P2", "Other education, part time"
    F4 = "F4", "Training or employment, full time"
    P4 = "P4", "Training or employment, part time"
    F5 = "F5", "Apprenticeship, full time"
    P5 = "P5", "Apprenticeship, part time"
    G4 = "G4", "Not in education, employment or training: illness or disability"
    G5 = "G5", "Not in education, employment or training: other reasons"
    G6 = "G6", "Not in education, employment or training: pregnancy or parenting"
    NONE = "0", "Information not known"


class InTouch(models.TextChoices):
    YES = "YES", "In touch"
    NO = "NO", "Not in touch"
    DIED = "DIED", "Died"
    REFU = "REFU", "Refused contact"
    NREQ = "NREQ", "No longer requires services"
    RHOM = "RHOM", "Returned home for 6 months or more"
