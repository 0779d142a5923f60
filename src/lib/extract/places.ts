/** Denmark's 98 municipalities, as the minutes name them (without "Kommune"). */
export const MUNICIPALITIES = [
	'Albertslund', 'Allerød', 'Assens', 'Ballerup', 'Billund', 'Bornholm', 'Brøndby', 'Brønderslev',
	'Dragør', 'Egedal', 'Esbjerg', 'Fanø', 'Favrskov', 'Faxe', 'Fredensborg', 'Fredericia', 'Frederiksberg',
	'Frederikshavn', 'Frederikssund', 'Furesø', 'Faaborg-Midtfyn', 'Gentofte', 'Gladsaxe', 'Glostrup', 'Greve',
	'Gribskov', 'Guldborgsund', 'Haderslev', 'Halsnæs', 'Hedensted', 'Helsingør', 'Herlev', 'Herning',
	'Hillerød', 'Hjørring', 'Holbæk', 'Holstebro', 'Horsens', 'Hvidovre', 'Høje-Taastrup', 'Hørsholm',
	'Ikast-Brande', 'Ishøj', 'Jammerbugt', 'Kalundborg', 'Kerteminde', 'Kolding', 'København', 'Køge',
	'Langeland', 'Lejre', 'Lemvig', 'Lolland', 'Lyngby-Taarbæk', 'Læsø', 'Mariagerfjord', 'Middelfart',
	'Morsø', 'Norddjurs', 'Nordfyns', 'Nyborg', 'Næstved', 'Odder', 'Odense', 'Odsherred', 'Randers',
	'Rebild', 'Ringkøbing-Skjern', 'Ringsted', 'Roskilde', 'Rudersdal', 'Rødovre', 'Samsø', 'Silkeborg',
	'Skanderborg', 'Skive', 'Slagelse', 'Solrød', 'Sorø', 'Stevns', 'Struer', 'Svendborg', 'Syddjurs',
	'Sønderborg', 'Thisted', 'Tønder', 'Tårnby', 'Vallensbæk', 'Varde', 'Vejen', 'Vejle', 'Vesthimmerland',
	'Viborg', 'Vordingborg', 'Ærø', 'Aabenraa', 'Aalborg', 'Aarhus'
];

/** The entity of facts from minutes whose municipality nobody named: kept, not dropped. */
export const UNKNOWN_MUNICIPALITY = 'ukendt kommune';

const BY_LOWER = new Map(MUNICIPALITIES.map((m) => [m.toLowerCase(), m]));

/** "Københavns" → "København"; null when the word names no municipality. */
export function municipalityOf(word: string): string | null {
	const w = word.toLowerCase().replace(/\s+kommunes?$/, '');
	return BY_LOWER.get(w) ?? (w.endsWith('s') ? BY_LOWER.get(w.slice(0, -1)) ?? null : null);
}

export const MUNICIPALITY_RE = new RegExp(
	`(?<![\\wæøåÆØÅ-])(${[...MUNICIPALITIES].sort((a, b) => b.length - a.length).join('|')})s?(?:\\s+Kommunes?)?(?![\\wæøåÆØÅ-])`,
	'g'
);
