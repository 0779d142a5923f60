/**
 * The words of a budget follow-up as data. Each concept lists its synonyms (regular-expression
 * parts over the lower-cased sentence view, where figures are "Q<i>k" and periods "T<i>") and
 * examples in which it must be found; the examples run as tests.
 *
 * Roles: a `level` names an amount (vedtaget budget, forventet forbrug …); a `deviation` names a
 * merforbrug (sign -1) or mindreforbrug (sign +1); a `relation` ("målt mod", "i forhold til")
 * turns the budget after it into the reference of a deviation; a `continuation` ("steg dette til",
 * "lød skønnet på") carries the paragraph's last deviation on to a new figure; a `block` names a figure that is
 * no key figure (spending to date, overførsel, anlæg, pulje, takst, proposals, changes).
 */
import type { Ref } from './budget-tables';

export type BudgetRole = 'level' | 'deviation' | 'continuation' | 'relation' | 'block';

export interface BudgetConcept {
	/** The metric of a level, 'mer'/'mindre'/'afvigelse' for deviations, the kind of block. */
	concept: string;
	role: BudgetRole;
	words: string[];
	/** Merforbrug -1, mindreforbrug +1; a negative tillægsbevilling -1. */
	sign?: number;
	/** The reference budget this level names when a deviation is measured against it. */
	ref?: Ref;
	/** "forventede serviceudgifter": the spending inside the serviceramme. */
	scope?: 'serviceramme';
	examples: string[];
}

export const BUDGET_CONCEPTS: BudgetConcept[] = [
	{
		concept: 'vedtaget_budget',
		role: 'level',
		ref: 'vedtaget',
		words: [
			String.raw`(?:oprindelig[et]?|vedtag(?:e|n)?e|vedtaget)\s+(?:samlede\s+)?(?:drifts)?budget\w*`,
			String.raw`opr\.\s*budget\w*`,
			// "det budget, byrådet oprindeligt vedtog i oktober T0": the adopted budget described by a relative clause.
			String.raw`budget(?:tet)?,?\s+(?:som\s+)?(?:byrådet|kommunalbestyrelsen|byråd)\s+(?:oprindeligt\s+)?vedtog`
		],
		examples: [
			'det oprindelige budget var Q0k',
			'udvalgets vedtagne budget for T0 er på Q0k',
			'i forhold til oprindeligt budget',
			'sammenholdt med budgettet, som byrådet oprindeligt vedtog, ventes et merforbrug på Q0k'
		]
	},
	{
		concept: 'korrigeret_budget',
		role: 'level',
		ref: 'korrigeret',
		words: [
			String.raw`korrigere(?:t|de)\s+(?:samlede\s+)?budget\w*`,
			String.raw`korr\.\s*budget\w*`,
			String.raw`ajourført\w*\s+budget\w*`,
			String.raw`budget\w*\s+(?:inkl\.?|inklusive|inklusiv|med)\s+tillæg\w*`
		],
		examples: ['det korrigerede budget udgør Q0k', 'set i forhold til budget inkl. tillæg', 'målt mod det ajourførte budget', 'budgettet inklusive tillægsbevillinger']
	},
	{
		concept: 'forventet_forbrug',
		role: 'level',
		scope: 'serviceramme',
		words: [
			String.raw`forvente(?:t|de)\s+(?:samlede\s+)?serviceudgifter`,
			// "Det forventede forbrug inden for rammen er …", "forbruget under rammen skønnes at blive …".
			String.raw`(?:(?:det\s+)?forvente(?:t|de)\s+)?forbrug(?:et)?\s+(?:inden\s+for|indenfor|under)\s+(?:service)?rammen(?:\s+(?:skønnes|ventes|forventes)\s+(?:at\s+)?(?:blive|udgøre|lande\s+på))?`
		],
		examples: ['udvalgets forventede serviceudgifter er opgjort til Q0k', 'det forventede forbrug inden for rammen er Q0k', 'forbruget under rammen skønnes at blive Q0k']
	},
	{
		concept: 'forventet_forbrug',
		role: 'level',
		words: [
			String.raw`forvente(?:t|de|s)?\s+(?:et\s+)?(?:samlede?\s+|samlet\s+)?(?:netto|års)?forbrug\w*`,
			String.raw`forvente(?:t|de)\s+(?:samlede?\s+)?regnskab\w*`,
			String.raw`forvente(?:t|de)\s+(?:netto)?udgifter`,
			String.raw`skønne(?:t|de)\s+forbrug\w*`
		],
		examples: ['et forventet forbrug på Q0k', 'det forventede regnskab lyder på Q0k', 'det forventede årsforbrug er Q0k', 'der forventes et samlet forbrug på Q0k']
	},
	{
		concept: 'serviceramme',
		role: 'level',
		ref: 'serviceramme',
		// "rammen": the serviceramme named again, read only where the paragraph has named it (budget.ts).
		words: [String.raw`serviceramme\w*`, String.raw`rammen`, String.raw`rammens`],
		examples: ['udvalgets andel af servicerammen udgør Q0k', 'servicerammen forventes overskredet med Q0k']
	},
	{
		concept: 'tillaegsbevilling',
		role: 'level',
		sign: -1,
		words: [String.raw`negativ\w*\s+(?:tillægs|mer)bevilling\w*`],
		examples: ['en negativ tillægsbevilling på Q0k']
	},
	{
		concept: 'tillaegsbevilling',
		role: 'level',
		words: [String.raw`tillægsbevilling\w*`, String.raw`merbevilling\w*`, String.raw`ekstrabevilling\w*`],
		examples: ['en tillægsbevilling for T0 på Q0k', 'der søges en merbevilling på Q0k']
	},
	{
		concept: 'regnskab',
		role: 'level',
		words: [String.raw`regnskab(?:et|sresultat(?:et)?)?`],
		examples: ['regnskabet for T0 viser et samlet forbrug på Q0k']
	},
	{
		concept: 'mer',
		role: 'deviation',
		sign: -1,
		words: [String.raw`merforbrug\w*`, String.raw`overskrid\w*`, String.raw`overskred\w*`, String.raw`overstig\w*`, String.raw`oversteg`, String.raw`mere\s+end\s+budgett?eret`],
		examples: [
			'et forventet merforbrug på Q0k',
			'servicerammen forventes overskredet med Q0k',
			'ventes at overskride det korrigerede budget med Q0k',
			'serviceudgifterne forventes at overstige rammen med Q0k',
			'brugte udvalget Q0k mere end budgetteret'
		]
	},
	{
		concept: 'mindre',
		role: 'deviation',
		sign: 1,
		words: [String.raw`mindreforbrug\w*`, String.raw`underskrid\w*`, String.raw`underskred\w*`, String.raw`mindre\s+end\s+budgett?eret`],
		examples: ['et mindreforbrug på Q0k', 'rammen underskrides med Q0k']
	},
	{
		concept: 'afvigelse',
		role: 'deviation',
		sign: 0,
		words: [String.raw`afvigelse\w*`, String.raw`mer-?\s?\/\s?mindreforbrug\w*`, String.raw`mer-\s+og\s+mindreforbrug\w*`],
		examples: ['den forventede afvigelse er Q0k', 'forventet mer-/mindreforbrug: Q0k']
	},
	{
		concept: 'fortsat',
		role: 'continuation',
		words: [String.raw`steg`, String.raw`steget`, String.raw`faldt`, String.raw`faldet`, String.raw`lød`, String.raw`lyder`, String.raw`skønnet`, String.raw`forventningen`, String.raw`prognosen`],
		examples: ['ved 2. kvartals budgetopfølgning steg dette til Q0k', 'ved T0 lød skønnet på Q0k']
	},
	{
		concept: 'reference',
		role: 'relation',
		words: [
			String.raw`(?:set\s+)?i\s+forhold\s+til`,
			String.raw`ift\.?`,
			String.raw`sammen(?:holdt|lignet)\s+med`,
			String.raw`målt\s+(?:op\s+)?(?:i\s+forhold\s+til|mod|imod)`,
			String.raw`holdt\s+op\s+(?:i)?mod`,
			String.raw`end`,
			String.raw`mod`
		],
		examples: ['målt mod det korrigerede budget', 'holdt op imod det oprindelige budget', 'sammenlignet med korrigeret budget']
	},
	{
		concept: 'forbrug_til_dato',
		role: 'block',
		words: [
			String.raw`faktiske?\s+forbrug\w*`,
			String.raw`forbrug\w*\s+(?:pr\.|per|til\s+dato|hidtil|indtil\s+nu|til\s+og\s+med)`,
			String.raw`hidtidige\s+forbrug\w*`,
			String.raw`forbrugt`,
			String.raw`nettoudgift\w*`,
			String.raw`bogført\w*`,
			String.raw`realiseret\w*`,
			String.raw`forbrugsprocent\w*`
		],
		examples: ['det faktiske forbrug pr. T0 udgør Q0k', 'socialudvalgets nettoudgifter i T0 blev Q0k']
	},
	{
		concept: 'overfoersel',
		role: 'block',
		words: [String.raw`overfør\w*`, String.raw`videreført\w*`, String.raw`videreførsel\w*`],
		examples: ['Q0k af mindreforbruget overføres til T0', 'en overførsel på Q0k']
	},
	{
		concept: 'anlaeg',
		role: 'block',
		words: [String.raw`anlæg\w*`, String.raw`rådighedsbeløb\w*`, String.raw`[a-zæøå]*anlægs\w*`],
		examples: ['anlægsrammen er Q0k', 'et rådighedsbeløb på Q0k']
	},
	{
		concept: 'pulje',
		role: 'block',
		words: [String.raw`[a-zæøå]*pulje\w*`],
		examples: ['statens pulje til en værdig ældrepleje udgør Q0k']
	},
	{
		concept: 'pris',
		role: 'block',
		words: [String.raw`takst(?:en|er|erne)?`, String.raw`[a-zæøå]*pris\w*`, String.raw`(?:pr\.|per)\s+(?:plads|borger|time|måned|døgn|bolig|uge|elev|barn|bruger|m²|kvadratmeter)`],
		examples: ['taksten er Q0k pr. døgn', 'en enhedspris på Q0k']
	},
	{
		concept: 'forslag',
		role: 'block',
		words: [
			String.raw`budgetforslag\w*`,
			String.raw`driftsramme\w*`,
			String.raw`reduktion\w*`,
			String.raw`[a-zæøå]*forslag\w*`,
			String.raw`besparelse\w*`,
			String.raw`effektivisering\w*`,
			String.raw`omprioritering\w*`,
			String.raw`råderum\w*`
		],
		examples: ['udvalgets driftsramme for T0 er Q0k', 'reduktionsforslag for i alt Q0k']
	},
	{
		concept: 'aendring',
		role: 'block',
		words: [
			String.raw`(?:mere|mindre|højere|lavere)\s+end`,
			String.raw`forbedring\w*`,
			String.raw`forværring\w*`,
			String.raw`stigning\w*`,
			String.raw`forskel\w*`,
			String.raw`fald(?:et\s+på)?`
		],
		examples: ['det er Q0k mere end ved budgetopfølgning 2', 'en forværring på Q0k']
	},
	{
		concept: 'finansiering',
		role: 'block',
		words: [
			String.raw`merindtægt\w*`,
			String.raw`mindreindtægt\w*`,
			String.raw`[a-zæøå]*refusion\w*`,
			String.raw`merudgift\w*`,
			String.raw`kassebeholdning\w*`,
			String.raw`tilskud\w*`,
			String.raw`finansiering\w*`,
			String.raw`dækning\w*`
		],
		examples: ['en merindtægt på Q0k', 'en merudgift på Q0k til nye pladser', 'dækning af merforbrug på Q0k']
	}
];

export interface CueHit {
	concept: BudgetConcept;
	start: number;
	end: number;
}

const LETTER = 'a-zæøåéü';
const QUOTED = /["“”„»«][^"“”„»«]{1,80}["“”„»«]/g;
const CONCEPT_RES = BUDGET_CONCEPTS.map((c) => ({ c, re: new RegExp(`(?<![${LETTER}])(?:${c.words.join('|')})(?![${LETTER}])`, 'g') }));

/** Every concept named in `view` between `from` and `to`; of overlapping hits the longest stays. */
export function cuesIn(view: string, from = 0, to = view.length): CueHit[] {
	const part = view.slice(from, to);
	const hits: CueHit[] = [];
	for (const { c, re } of CONCEPT_RES) {
		re.lastIndex = 0;
		for (let m = re.exec(part); m; m = re.exec(part)) hits.push({ concept: c, start: from + m.index, end: from + m.index + m[0].length });
	}
	// A quoted name ("Takstfinansierede tilbud") is a label, not a cue.
	const quoted = [...part.matchAll(QUOTED)].map((m) => ({ start: from + m.index!, end: from + m.index! + m[0].length }));
	hits.sort((a, b) => a.start - b.start || b.end - a.end);
	const out: CueHit[] = [];
	for (const h of hits) {
		const last = out[out.length - 1];
		if ((last && h.start < last.end) || quoted.some((q) => q.start <= h.start && h.end <= q.end)) continue;
		out.push(h);
	}
	return out;
}
