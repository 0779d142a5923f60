/** The municipalities and committees a generated corpus is spread over. */

/** Denmark's 98 municipalities by their usual short names. */
export const MUNICIPALITIES: readonly string[] = [
	'Aabenraa', 'Aalborg', 'Aarhus', 'Albertslund', 'Allerød', 'Assens', 'Ballerup', 'Billund', 'Bornholm',
	'Brøndby', 'Brønderslev', 'Dragør', 'Egedal', 'Esbjerg', 'Faaborg-Midtfyn', 'Fanø', 'Favrskov', 'Faxe',
	'Fredensborg', 'Fredericia', 'Frederiksberg', 'Frederikshavn', 'Frederikssund', 'Furesø', 'Gentofte',
	'Gladsaxe', 'Glostrup', 'Greve', 'Gribskov', 'Guldborgsund', 'Haderslev', 'Halsnæs', 'Hedensted',
	'Helsingør', 'Herlev', 'Herning', 'Hillerød', 'Hjørring', 'Holbæk', 'Holstebro', 'Horsens', 'Hvidovre',
	'Høje-Taastrup', 'Hørsholm', 'Ikast-Brande', 'Ishøj', 'Jammerbugt', 'Kalundborg', 'Kerteminde', 'Kolding',
	'København', 'Køge', 'Langeland', 'Lejre', 'Lemvig', 'Lolland', 'Lyngby-Taarbæk', 'Læsø', 'Mariagerfjord',
	'Middelfart', 'Morsø', 'Norddjurs', 'Nordfyns', 'Nyborg', 'Næstved', 'Odder', 'Odense', 'Odsherred',
	'Randers', 'Rebild', 'Ringkøbing-Skjern', 'Ringsted', 'Roskilde', 'Rudersdal', 'Rødovre', 'Samsø',
	'Silkeborg', 'Skanderborg', 'Skive', 'Slagelse', 'Solrød', 'Sorø', 'Stevns', 'Struer', 'Svendborg',
	'Syddjurs', 'Sønderborg', 'Thisted', 'Tønder', 'Tårnby', 'Vallensbæk', 'Varde', 'Vejen', 'Vejle',
	'Vesthimmerland', 'Viborg', 'Vordingborg', 'Ærø'
];

export interface Committee {
	name: string;
	/** The administration that writes its cases. */
	forvaltning: string;
	/** Row labels of its budget follow-up table. */
	budgetRows: readonly string[];
	/** Whether it receives the annual reports on complaints and on use of force. */
	social: boolean;
	/** Nouns its other cases are about, for generic items. */
	topics: readonly string[];
}

export const COMMITTEES: readonly Committee[] = [
	{
		name: 'Psykiatri- og Handicapudvalget',
		forvaltning: 'Social- og Sundhedsforvaltningen',
		budgetRows: ['Voksne med særlige behov, Myndighed', 'Voksne med særlige behov, Drift', 'Botilbud (takstfinansieret)', 'Socialpsykiatri'],
		social: true,
		topics: ['bostøtte', 'botilbudspladser', 'aktivitetstilbud', 'støttekontaktpersoner', 'værestedet']
	},
	{
		name: 'Social- og Sundhedsudvalget',
		forvaltning: 'Social- og Sundhedsforvaltningen',
		budgetRows: ['Sociale indsatser for voksne', 'Sundhed og forebyggelse', 'Misbrugsbehandling', 'Hjemløse og udsatte'],
		social: true,
		topics: ['forebyggelsestilbud', 'misbrugsbehandling', 'sundhedshuset', 'rehabiliteringsforløb', 'udsatteindsatsen']
	},
	{
		name: 'Sundheds- og Rehabiliteringsudvalget',
		forvaltning: 'Social- og Sundhedsforvaltningen',
		budgetRows: ['Hjemmepleje', 'Plejecentre', 'Træning og rehabilitering', 'Hjælpemidler'],
		social: true,
		topics: ['hjemmeplejen', 'træningsforløb', 'plejeboliger', 'hjælpemidler', 'genoptræning']
	},
	{
		name: 'Ældreudvalget',
		forvaltning: 'Velfærdsforvaltningen',
		budgetRows: ['Pleje og omsorg', 'Plejeboliger', 'Aktivitetscentre', 'Visitation'],
		social: true,
		topics: ['plejeboliger', 'aktivitetscentre', 'madservice', 'demensindsatsen', 'frivillige besøgsvenner']
	},
	{
		name: 'Børne- og Familieudvalget',
		forvaltning: 'Børne- og Ungeforvaltningen',
		budgetRows: ['Udsatte børn og unge', 'Forebyggende foranstaltninger', 'Anbringelser', 'Sundhedspleje'],
		social: true,
		topics: ['familiebehandling', 'plejefamilier', 'sundhedsplejen', 'ungdomsklubber', 'forebyggende rådgivning']
	},
	{
		name: 'Børne- og Skoleudvalget',
		forvaltning: 'Børne- og Kulturforvaltningen',
		budgetRows: ['Folkeskoler', 'Specialundervisning', 'Dagtilbud', 'Skolefritidsordninger'],
		social: false,
		topics: ['skolebyggeri', 'specialklasser', 'daginstitutioner', 'skolebusser', 'lejrskoler']
	},
	{
		name: 'Beskæftigelses- og Integrationsudvalget',
		forvaltning: 'Arbejdsmarkedsforvaltningen',
		budgetRows: ['Kontanthjælp', 'Sygedagpenge', 'Ressourceforløb', 'Integrationsindsats'],
		social: true,
		topics: ['virksomhedspraktik', 'jobcentret', 'sprogskolen', 'ressourceforløb', 'løntilskudspladser']
	},
	{
		name: 'Teknik- og Miljøudvalget',
		forvaltning: 'Teknik- og Miljøforvaltningen',
		budgetRows: ['Veje og trafik', 'Parker og grønne områder', 'Miljø og natur', 'Kollektiv trafik'],
		social: false,
		topics: ['cykelstier', 'vejbelysning', 'regnvandsbassiner', 'busruter', 'grønne arealer']
	},
	{
		name: 'Kultur-, Fritids- og Idrætsudvalget',
		forvaltning: 'Kultur- og Fritidsforvaltningen',
		budgetRows: ['Biblioteker', 'Idrætsanlæg', 'Folkeoplysning', 'Kulturhuse'],
		social: false,
		topics: ['bibliotekerne', 'svømmehallen', 'foreningslivet', 'kulturhuset', 'idrætshallerne']
	},
	{
		name: 'Økonomiudvalget',
		forvaltning: 'Økonomiforvaltningen',
		budgetRows: ['Administration', 'Digitalisering', 'Ejendomme', 'Politisk organisation'],
		social: false,
		topics: ['digitaliseringsstrategien', 'kommunens ejendomme', 'indkøbsaftalerne', 'rådhuset', 'personalepolitikken']
	}
];
