"""The wording that decides what an email is, per kind, in English, German, French, Spanish and Dutch.

Each kind is a list of patterns over one sentence (lower-cased). They are written from how
hiring teams phrase these emails — decisions, invitations, receipts, offers — not from single
words: "unfortunately" alone is no rejection ("unfortunately the interviewer is ill"), and many
rejections never say it. A sentence that only describes what *would* happen ("if we decide not to
move forward…", "sollten wir…", "si votre profil…") decides nothing.
"""

from __future__ import annotations

import re

from lib.data.email.wording import Wording


def _any(*patterns: str) -> Wording:
    return Wording(patterns)


OTHERS = (
    r"(?:(?:other|another|a different|more suitable|stronger) (?:candidates?|applicants?|profiles?|people|person)|"
    r"someone else|(?:a )?(?:candidates?|applicants?) (?:with|whose|who))"
)

REJECTION = _any(
    # English
    r"\b(?:decided|chosen|elected|opted|made the decision|need) (?:not )?to (?:move|go|proceed|progress|continue|"
    r"pursue|carry on|advance)\b.{0,50}\b" + OTHERS,
    r"\b(?:move|moving|go|going|went|proceed|proceeding|progress|continue|pursue|pursuing)\b.{0,20}\bwith "
    + OTHERS,
    r"\b(?:pursue|pursuing|progress|progressing|selected|hired|chosen|appointed) " + OTHERS,
    r"\boffered the\b.{0,60}\b(?:position|role|job)\b.{0,10}\bto (?:another|someone|a different|an internal)",
    r"\b(?:other|another) (?:candidates?|applicants?)\b.{0,60}\b(?:more closely|better|more) (?:meet|match|suit|"
    r"fit|align)",
    r"(?:\bnot|n't|\bno longer|\bunable to|\bnot able to|\bdecided against) (?:be )?(?:to )?(?:move|moving|go|going|"
    r"proceed|proceeding|progress|progressing|continu\w*|advanc\w*|tak\w+) (?:you |your \w+ |it )?(?:forward|"
    r"further|ahead|to the next|with (?:your|you|the|this)|any further)",
    r"\b(?:hire|hired|hiring|offer the (?:role|position|job) to) (?:someone|another|a different|an internal)",
    r"\b(?:won't|will not|cannot|can't|can not|unable to|not able to|not in a position to|decided not to|"
    r"aren't able to) (?:be )?(?:offer(?:ing)? you|invit\w* you|extend(?:ing)? (?:you )?an offer|shortlist\w*|"
    r"consider(?:ing)? (?:you|your))",
    r"\b(?:not|n't) (?:been |be )?(?:selected|shortlisted|successful|chosen)\b",
    r"\b(?:been|were|was|is|are) unsuccessful\b|\bunsuccessful (?:on this occasion|this time|in your)",
    r"\bregret to (?:inform|let you know|advise|tell|say)",
    r"\b(?:position|role|vacancy|job|opening|requisition|post) (?:has|have|was) (?:now )?(?:been )?(?:filled|"
    r"closed|cancelled|canceled|withdrawn)\b",
    r"\b(?:profile|experience|background|skills?|qualifications?|application) (?:does not|doesn't|did not|"
    r"didn't|do not|don't|is not|isn't) (?:quite |fully |closely |entirely )?(?:match|fit|align|meet|suit|"
    r"what we)",
    r"\bnot (?:a|the right|the best|a strong) (?:fit|match)\b",
    r"\b(?:decline|declining|reject|rejecting) your (?:application|candidacy)",
    r"\b(?:in|with) a different direction\b",
    r"\b(?:we|they|the team) (?:have|has|'ve) (?:now )?(?:filled|hired for|found (?:a|the|someone|another))",
    # German
    r"\b(?:leider|bedauerlicherweise|bedauern)\b.{0,160}\b(?:absage|absagen|nicht (?:weiter |mehr )?(?:berück"
    r"sichtig|in betracht|weiterverfolg|weiter verfolg|entsprech|eingeh|passt|passen|einladen)|nicht in die "
    r"engere|andere[nr]? (?:kandidat|bewerber)|keine positive)",
    r"\b(?:für|zugunsten) (?:eine[nrs]? )?(?:andere[nrs]?|weitere[nrs]?) (?:kandidat|bewerber|profil)",
    r"\bnicht (?:weiter |mehr )?berücksichtigen (?:können|konnten|werden)|\bnicht (?:weiter )?(?:fortsetzen|"
    r"fortführen)\b|\bkeine?n? (?:angebot|zusage)\b",
    r"\buns für (?:eine[nr]?|die|den) (?:andere[nr]? )?(?:kandidat|bewerber|person)\w* entschieden|\bmit (?:einer|"
    r"einem) (?:anderen )?(?:kandidat|bewerber)\w* zu besetzen",
    r"\b(?:stelle|position)\b.{0,60}\b(?:inzwischen|bereits|mittlerweile|anderweitig) (?:besetzen|besetzt|vergeben)",
    r"\b(?:passt|passen|entspricht)\b.{0,30}\b(?:profil|qualifikation|erfahrung)\w*\b.{0,20}\bnicht\b",
    r"\beine absage\b|\babsage (?:ihrer|deiner|auf ihre|auf deine|zu ihrer|zu deiner)|^absage\b",
    r"\b(?:stelle|position|vakanz) (?:ist |wurde |wurden )?(?:bereits |inzwischen |mittlerweile )?"
    r"(?:besetzt|vergeben)",
    r"\b(?:profil|qualifikation|erfahrung)\w*\b.{0,40}\bnicht\b.{0,30}\b(?:passt|entspricht|überein|passen)",
    # French
    r"\bne\b.{0,80}\b(?:donner|réserver|apporter|donnerons|réserverons) (?:une |de |aucune )?suite\b",
    r"\bpas (?:pu |pouvoir )?(?:donner|réserver) (?:une |de )?suite\b|\bsuite défavorable",
    r"\b(?:pas|non) (?:été |être )?(?:retenue?s?|sélectionnée?s?)\b|\bne (?:pas |pouvons pas )?retenir",
    r"\b(?:poursuivre|continuer|avancer|aller plus loin) .{0,30}\bavec (?:d'autres|d’autres|un autre|une autre)"
    r" (?:candidat|profil)",
    r"\b(?:privilégi\w+|chois\w+|retenu|retenir|opté pour|orient\w+ vers) (?:un autre|une autre|d'autres|"
    r"d’autres) (?:candidat|profil)",
    r"\bne correspond(?:ait|ent)? pas\b.{0,60}\b(?:attentes|besoins|profil|recherch|critères|poste)",
    r"\bau regret de (?:vous|t')",
    r"\bne (?:sommes|pouvons|pourrons|serons) pas (?:en mesure de )?(?:vous|te) (?:proposer|offrir|convier|"
    r"inviter|retenir)",
    r"\b(?:poste|offre)\b.{0,100}\b(?:a été|est|est déjà|est désormais) (?:pourvue?|clôturée?|fermée?)\b",
    # Spanish
    r"\bno\b.{0,40}\b(?:continu|segu|avanz|proced)\w*\b.{0,20}\bcon (?:tu|su) (?:candidatura|solicitud|"
    r"postulación|proceso)",
    r"\b(?:continu|segu|avanz|decantado|decidido|optado|elegido|inclinado)\w*\b.{0,20}\b(?:con|por) otr[oa]s? "
    r"(?:candidat|perfil|postulant|persona)",
    r"\bno (?:podremos|podemos|vamos a|es posible) (?:hacerte|hacerle|ofrecerte|ofrecerle|extenderte) (?:una )?oferta",
    r"\bno (?:has|ha) sido (?:seleccionad|elegid|preseleccionad)|\bno (?:fuiste|fue) (?:seleccionad|elegid)",
    r"\blamentamos (?:informarte|informarle|comunicarte|comunicarle|decirte|decirle)",
    r"\b(?:seleccionado|elegido|escogido|contratado) a otr[oa]s? (?:persona|candidat|perfil)",
    r"\b(?:perfil|candidatura|experiencia) no (?:se ajusta|encaja|corresponde|coincide|cumple)",
    r"\b(?:puesto|posición|vacante) (?:ya )?(?:ha sido|fue) (?:cubiert|cerrad)",
    # Dutch
    r"\bniet\b.{0,40}\b(?:verder (?:te )?gaan|door te gaan|verder gaan|doorgaan|doorgeen|verder)\b.{0,30}\b"
    r"(?:sollicitatie|procedure|kandidatuur|je|jou|u)\b",
    r"\b(?:gekozen|besloten|kiezen|gaan verder|verder gaan|verdergaan) (?:voor|met|om)\b.{0,30}\bandere "
    r"(?:kandidaat|kandidaten|sollicitant)",
    r"\b(?:afgewezen|afwijzing|afwijzen)\b|\bniet (?:uit)?(?:gekozen|geselecteerd)\b",
    r"\bhelaas\b.{0,140}\b(?:niet|geen)\b.{0,60}\b(?:verder|uitnodig|aanbieden|selecteren|door|past|match|"
    r"aansluit|aan bij)",
    r"\b(?:vacature|functie|positie) is (?:inmiddels |al )?(?:vervuld|ingevuld|gesloten)",
    r"\baan (?:een )?andere (?:kandidaat|sollicitant)|\bandere kandidaten\b.{0,40}\b(?:uit te nodigen|uitnodigen|"
    r"gekozen|beter)|\bniet uit te nodigen\b|\bonvoldoende aan ?sluit|\bsluit\w* (?:helaas )?(?:niet|onvoldoende) aan",
)

INTERVIEW = _any(
    r"\b(?:invite|invited|inviting|invitation)\b.{0,40}\b(?:interview|call|chat|conversation|meeting|screen|"
    r"on-?site|next (?:round|stage|step)|assessment|meet)",
    r"\b(?:schedule|book|arrange|set up|organi[sz]e|find a time for|line up)\b.{0,30}\b(?:interview|call|chat|"
    r"conversation|meeting|screen|time to (?:talk|chat|speak|meet))",
    r"\b(?:like|love|want|happy|pleased|excited|glad) to (?:move forward|proceed|progress|move you|invite|"
    r"take (?:you|your application|things) (?:forward|further|to the next))",
    r"\b(?:your|share your|send (?:me|us) your|let (?:me|us) know your) availability\b",
    r"\b(?:when (?:are|would) you be (?:available|free)|are you available|what times? (?:works?|suits?)|a time "
    r"that (?:works|suits)|time ?slots?|select a (?:time|slot)|pick a (?:time|slot)|calendly|book a (?:time|slot))",
    r"\b(?:reschedule|move (?:the|our|your) (?:interview|call|meeting)|postpone (?:the|our|your)|"
    r"push (?:the|our) (?:interview|call))",
    r"\binterview (?:invitation|invite|confirmation|confirmed|scheduled|booked|is confirmed|has been scheduled|"
    r"details)|\binterview (?:with|at|on) .{0,80}\b(?:confirmed|scheduled|booked)",
    r"\b(?:shortlisted|selected|chosen)\b.{0,20}\bfor (?:an? |the )?(?:interview|next (?:round|stage)|"
    r"first round)",
    r"\b(?:einladen|einladung|laden (?:wir )?(?:sie|dich))\b.{0,60}\b(?:gespräch|interview|kennenlernen|"
    r"vorstellung|telefonat|termin|video)",
    r"\b(?:terminvorschl\w+|zeitfenster|verfügbarkeit(?:en)?|wann (?:sie|du) zeit|termin (?:vereinbaren|"
    r"verschieben|finden|bestätig))|\b(?:gespräch|interview|termin)\b.{0,40}\b(?:verschieben|verlegen)",
    r"\bbestätig\w*\b.{0,40}\b(?:vorstellungsgespräch|gespräch|interview|termin)|\b(?:ihr|dein) "
    r"(?:vorstellungsgespräch|interview|gespräch) am\b",
    r"\b(?:inviter|convier|convoquer|rencontrer|proposer)\b.{0,60}\b(?:entretien|échange|rencontre|appel)",
    r"\b(?:vos |tes )disponibilités\b|\bcréneaux?\b|\b(?:planifier|programmer|fixer|organiser) (?:un|l')"
    r"(?:entretien|appel|échange|rendez)|\b(?:reporter|décaler) (?:l'entretien|notre|le rendez|l'appel)",
    r"\b(?:invitarte|invitarle|invitar|conocerte|conocerle)\b.{0,60}\b(?:entrevista|llamada|reunión|"
    r"conversación)|\bentrevista por (?:videollamada|teléfono|video)|\bqué (?:días?|horas?) te vienen? bien",
    r"\b(?:gerne?|persönlich) kennenlernen|\bkennenlernen\b.{0,30}\b(?:gespräch|termin|telefonat|video)|"
    r"\bkennis (?:te )?maken\b|\bkennismaken\b|\bkennismakingsgesprek",
    r"\b(?:agendar|programar|coordinar|concertar|fijar) (?:una |la |tu )?(?:entrevista|llamada|reunión)|"
    r"\btu disponibilidad\b|\bsu disponibilidad\b|\breprogramar\b|\bcambiar la entrevista",
    r"\b(?:uitnodigen|uitnodiging|nodigen (?:we |wij )?(?:je|u))\b.{0,60}\b(?:gesprek|interview|kennismaking|"
    r"videocall|assessment)",
    r"\b(?:je|uw|jouw) beschikbaarheid\b|\bwanneer (?:je|u) beschikbaar|\b(?:inplannen|plannen|verzetten|"
    r"verplaatsen)\b.{0,30}\b(?:gesprek|afspraak|interview)|\btijdslot|\b(?:gesprek|afspraak|interview)\b.{0,40}"
    r"\b(?:verzetten|verplaatsen)",
)

APPLICATION = _any(
    r"\bthank(?:s| you)(?: so much| very much)? for (?:applying|your (?:recent )?(?:application|interest|"
    r"submission)|submitting|taking the time to apply|considering)",
    r"\b(?:received|receipt of|got) your (?:application|cv|resume|candidacy|submission)",
    r"\bapplication (?:has been |was |is |successfully )*(?:received|submitted|sent|complete)|"
    r"\bapplication confirmation",
    r"\b(?:vielen )?danke? für (?:ihre|deine|ihr|dein|die) (?:bewerbung|interesse)|\b(?:haben|wir) (?:ihre|deine) "
    r"bewerbung\b.{0,60}\berhalten",
    r"\b(?:bewerbung|unterlagen) (?:ist |sind |haben wir )?(?:erfolgreich |gut |vollständig )?"
    r"(?:eingegangen|erhalten|übermittelt|eingereicht)|\beingangsbestätigung|erhalten (?:ihre|deine) bewerbung",
    r"\b(?:merci|nous vous remercions|je vous remercie) (?:pour|de) (?:votre|ta) (?:candidature|intérêt)",
    r"\breçu (?:votre|ta) candidature|\baccusé de réception|\bcandidature (?:a bien été|a été) (?:reçue|"
    r"envoyée|transmise|enregistrée)",
    r"\bgracias por (?:tu|su) (?:candidatura|solicitud|postulación|interés|aplicación)|\bgracias por "
    r"(?:postularte|aplicar|postular|inscribirte)",
    r"\brecibido (?:tu|su) (?:candidatura|solicitud|postulación|cv)|\b(?:candidatura|solicitud|postulación)"
    r" (?:ha sido |fue )?(?:recibida|enviada|registrada)",
    r"\b(?:bedankt|dank (?:je|u)(?: wel)?) voor (?:je|jouw|uw) (?:sollicitatie|interesse)|\bsollicitatie "
    r"(?:is )?(?:goed |in goede orde )?(?:ontvangen|verstuurd)|ontvangen (?:je|jouw|uw) sollicitatie",
)

OFFER = _any(
    r"\b(?:pleased|delighted|happy|excited|thrilled|glad) to (?:offer|extend|make)\b.{0,30}\b(?:offer|"
    r"position|role|job)",
    r"\boffer (?:letter|of employment)\b|\b(?:extend|make|making|extending) (?:you )?an? (?:formal |verbal "
    r"|written |official )?offer|\boffer you the (?:position|role|job)",
    r"\bcongratulations\b.{0,80}\b(?:offer|welcome (?:to|aboard))",
    r"\bvertragsangebot|\b(?:ihnen|dir) (?:die stelle|ein angebot|eine zusage)\b.{0,30}\b(?:anbieten|machen|"
    r"geben|unterbreiten|senden)|\bfreuen (?:wir )?uns,? (?:ihnen|dir)\b.{0,60}\b(?:anbieten|zusage)",
    r"\b(?:proposition|promesse) d'embauche|\b(?:vous|te) (?:proposer|offrir) (?:le poste|ce poste|un contrat)",
    r"\b(?:ofrecerte|ofrecerle) (?:el puesto|la posición|el trabajo|una oferta)|\bcarta (?:de )?oferta|"
    r"\bpropuesta (?:de contratación|económica)",
    r"\b(?:een )?(?:aanbod|voorstel) (?:te )?doen\b|\b(?:functie|baan|positie) aan (?:te )?bieden|"
    r"\barbeidsvoorwaardenvoorstel|\bcontractvoorstel",
)

# Not an event of any application: alerts, "viewed", outreach, newsletters.
ALERT = _any(
    r"\bjob alert|\bjobs? (?:you may|you might|we think you)|\bnew jobs? (?:for|matching|at|in|that)|"
    r"\brecommended (?:jobs|for you)|\bjobs (?:matching|for you|that match)|\b\d+ new (?:jobs|positions|"
    r"roles|opportunities)|\bbased on your (?:profile|preferences|search|job search)",
    r"\bstellenangebote für|\bneue jobs\b|\bjobempfehlung|\bjob-?alarm|\bjobs, die zu (?:ihnen|dir)",
    r"\boffres d'emploi (?:pour|correspondant|qui)|\bnouvelles offres\b|\balerte(?:s)? emploi",
    r"\bofertas de empleo (?:para|que)|\bnuevas ofertas\b|\balerta de empleo",
    r"\bnieuwe vacatures\b|\bvacatures voor (?:jou|u)\b|\bvacaturemelding|\bvacature-?alert",
)
VIEWED = _any(
    r"\bviewed your (?:application|profile)|\byour application (?:was|has been) (?:viewed|seen|opened)|"
    r"\bprofile views?\b|\bwho viewed\b",
    r"\b(?:ihre|deine) bewerbung (?:wurde )?(?:angesehen|angeschaut)|\bhat (?:ihre|deine) bewerbung angesehen",
    r"\bconsulté (?:votre|ta) candidature|\bcandidature a été (?:consultée|vue)",
    r"\bha visto tu (?:candidatura|solicitud)|\b(?:candidatura|solicitud) ha sido vista",
    r"\bheeft (?:je|jouw|uw) sollicitatie bekeken|\bsollicitatie is bekeken",
)
OUTREACH = _any(
    r"\bcame across your (?:profile|background|cv)|\bfound your profile|\byour (?:profile|background|"
    r"experience) (?:caught|stood out|looks|is impressive)|\bi(?:'m| am) (?:a |an )?(?:recruiter|"
    r"talent partner|sourcer|headhunter)|\breaching out (?:to you )?(?:about|regarding|because|with|as)|"
    r"\bwould you be (?:open|interested)|\bare you (?:open|interested) (?:to|in)|\bopen to new opportunities",
    r"\bauf (?:ihr|dein) profil gesto|\b(?:ihr|dein) profil hat mich|\bwären sie offen|\binteresse an einem "
    r"neuen",
    r"\b(?:votre|ton) profil (?:a retenu|m'a|a attiré)|\bje me permets de (?:vous|te) contacter|\bseriez-vous "
    r"ouvert",
    r"\bhe visto tu perfil|\btu perfil (?:me ha|ha llamado)|\bestarías abiert",
    r"\bkwam (?:je|jouw|uw) profiel|\b(?:je|jouw) profiel (?:sprak|viel)|\bsta je open",
)
OWN_APPLICATION = _any(
    r"\byour (?:application|candidacy|interview|submission)\b|\byou applied\b|\bapplied for\b|"
    r"\bapplying (?:for|to)\b|\bthe role you\b|\byour interest in (?:the|our|this|joining)\b",
    r"\b(?:ihre|deine|ihrer|deiner) bewerbung|\bbeworben\b|\b(?:votre|ta) candidature|\bpostulé|"
    r"\b(?:tu|su) (?:candidatura|solicitud|postulación)|\bpostulaste|\b(?:je|jouw|uw) sollicitatie|"
    r"\bgesolliciteerd",
)
# "Unfortunately" in the five languages: on its own it decides nothing.
SORRY = re.compile(
    r"\b(?:unfortunately|regrettably|sadly|leider|bedauerlicherweise|malheureusement|hélas|lamentablemente|"
    r"desafortunadamente|por desgracia|helaas|jammer genoeg)\b"
)
HIGH_VOLUME = re.compile(
    r"\b(?:volume|number|amount|nombre|número|aantal|vielzahl|anzahl|many|zahlreich|grand nombre|gran cantidad)\b"
)
CONDITIONAL = re.compile(
    r"^(?:if|should|in case|in the event|once|unless|whether|wenn|falls|sollten?|sobald|si|dès que|lorsque|"
    r"au cas|en caso|cuando|en cuanto|indien|mocht|zodra)\b|\b(?:if|unless|whether|falls|wenn|sollten|si|"
    r"en caso de que|indien|mocht(?:en)?|als) (?:you|we|your|wir|sie|ihre|ihr|du|dein|nous|vous|votre|ton|tu|"
    r"su|je|jouw|uw|er|there|it|the|no|nous)\b"
)
# Where the rejection came (checked in this order; screen phrases are taken out before "interview").
STAGE_FINAL = re.compile(
    r"\b(?:final (?:round|interview|stage|conversation)s?|last (?:round|stage|interview)|on-?site|super ?day|"
    r"letzte[nr]? (?:runde|gespräch|auswahlrunde)|finale[nr]? (?:runde|gespräch)|entretien final|dernier "
    r"entretien|dernière (?:étape|phase)|entrevista final|última (?:entrevista|fase|ronda)|laatste "
    r"(?:ronde|gesprek)|eindgesprek)"
)
STAGE_SCREEN = re.compile(
    r"\b(?:phone screen\w*|screening(?: call| interview)?|(?:initial|first|introductory|intro|recruiter|hr|"
    r"phone|telephone|short) (?:call|chat|conversation|interview)|assessment|coding (?:challenge|test|exercise)|"
    r"take-?home|online test|case study|test technique|telefoninterview|telefonat|telefongespräch|"
    r"erstgespräch|entretien téléphonique|premier échange|entrevista telefónica|llamada (?:inicial|telefónica)|primera "
    r"llamada|telefonisch gesprek|telefoongesprek|eerste (?:kennismaking|telefo\w+))"
)
STAGE_INTERVIEW = re.compile(
    r"\b(?:interview(?:s|ed|ing)?|meet(?:ing)? (?:with )?(?:the|our) team|(?:met|spoke|speaking|talking) "
    r"with (?:us|me|the|our)|taking the time to (?:meet|speak|talk)|vorstellungsgespräch|gespräch\w*|"
    r"entretiens?|entrevistas?|gesprek(?:ken)?|sollicitatiegesprek)"
)
STAGE_APPLIED = re.compile(
    r"\b(?:review(?:ed|ing)?|review of|consider(?:ed|ation of)|assessed|looked at) (?:your|the) (?:application|cv|"
    r"resume|profile|candidacy)|\b(?:bewerbung|unterlagen)\b.{0,30}\b(?:geprüft|gesichtet|durchgesehen)|"
    r"\bsichtung|\bexamen de (?:votre|ta) candidature|\bétudié (?:votre|ta) candidature|\brevisado (?:tu|su) "
    r"(?:candidatura|perfil|solicitud)|\b(?:sollicitatie|cv)\b.{0,30}\b(?:bekeken|beoordeeld|doorgenomen)"
)
NOT_INVITED = re.compile(
    r"\b(?:not|n't|unable to) (?:be )?invit\w*|\bnicht\b.{0,40}\beinladen|\bpas\b.{0,20}\b(?:convier|inviter)|"
    r"\bno\b.{0,20}\binvitar|\bniet\b.{0,30}\buit(?:nodigen| te nodigen)|\bne\b.{0,40}\b(?:proposer|convier)"
    r" (?:un |d'|l')?entretien"
)

LANGUAGE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        ["the", "and", "your", "you", "we", "for", "with", "our", "thank", "to", "of", "application"]
    ),
    "de": frozenset(
        ["und", "die", "der", "ihre", "sie", "wir", "für", "mit", "bewerbung", "nicht", "uns", "ihnen"]
    ),
    "fr": frozenset(
        ["et", "les", "vous", "votre", "nous", "pour", "avec", "des", "une", "candidature", "pas"]
    ),
    "es": frozenset(
        ["y", "los", "tu", "su", "nosotros", "para", "con", "una", "candidatura", "que", "por", "el"]
    ),
    "nl": frozenset(
        ["en", "de", "het", "je", "jouw", "wij", "voor", "met", "een", "sollicitatie", "niet", "we"]
    ),
}


def language(text: str) -> str:
    """The language an email is written in (en, de, fr, es, nl), from its most common words."""
    words = re.findall(r"[a-zäöüßéèàâêîôûçñ]+", text[:3000].casefold())
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in LANGUAGE_WORDS.items()}
    return max(scores, key=lambda lang: scores[lang]) if any(scores.values()) else "en"
