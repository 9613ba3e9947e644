"""Features for the learned heading classifier (embeddings and similarity to the framework's
own texts and exemplars) and the generic vocabulary rules coding uses beside the framework's:
how a council says it measures, a sentence that speaks of a barrier, an action."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np
import re2

from productivity_plans.coding.embeddings import Embedder, Matrix
from productivity_plans.coding.records import Passage
from productivity_plans.framework.schema import Framework


class Vocabulary(Protocol):
    """What the coder asks of a compiled vocabulary pattern."""

    def search(self, text: str) -> object | None: ...

    def sub(self, repl: str, text: str) -> str: ...


def vocabulary(pattern: str) -> Vocabulary:
    """A case-insensitive vocabulary pattern, matched by RE2 as the framework's rules are
    (``coding.rules``): a few hundred alternatives tried at every position of every sentence
    cost Python's ``re`` five to ten times more. RE2 syntax: no look-arounds."""
    options = re2.Options()
    options.case_sensitive = False
    compiled: Vocabulary = re2.compile(pattern, options)
    return compiled


# How performance or productivity is measured ("value for money" is an aim, not a measure).
# The measurement gate (classify): which cues say how the council measures, as the labelling
# rule reads it. A programme of service reviews alone is an improvement activity; it measures
# only when the reviews assess how services perform (a deep-dive, a review of productivity,
# comparison with others). Performance or KPI reports going to a meeting are reporting, not a
# way of measuring: those spans are removed before the cues are read.
MEASURE_STRONG = vocabulary(
    # a table of measures with their baselines or targets: "Measure | Baseline 2023/24 | Target"
    r"\b(?:measures?|indicators?|kpis?|metrics?)\s*\|[^|\n]{0,40}\b(?:baseline|target)|"
    # "an efficiency index, based on the real-terms cost of a fixed basket of services"
    r"\b(?:efficiency|productivity|value\s+for\s+money)\s+index\b|"
    r"\b(?:kpis?|key performance indicators?|indicators?|benchmark\w*|oflog|lg inform|"
    # a performance framework measures when the council says what it uses it for ("frameworks
    # to monitor and oversee our efficiency"); named alone ("our performance management framework
    # is well established") it is governance, as five blind writers read it
    # a performance dashboard named alone ("the use of data from our new performance
    # dashboards") says nothing of what it shows, as dashboards named alone do not (rounds 5, 28
    # and 34); one "showing" or "tracking" something still measures (below)
    r"performance (?:measures?|data)|"
    r"(?:frameworks?|processes|systems|tools|arrangements)\b[^.;]{0,30}?\bto (?:monitor|oversee"
    r"|measure|track|assess)\w*(?: and \w+)? (?:our |its |the council.s )?(?:efficiency"
    r"|effectiveness|productivity|performance)|"
    # or what it holds: "our performance management framework sets targets for every service";
    # an outcomes framework too, named alone among what a plan covers (round 31); a change
    # "measured through our outcomes framework" says what it is for
    r"(?:measured|assessed|tracked|monitored|judged|evaluated)\s+(?:through|by|using|against|via)"
    r"\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,2}?outcomes?\s+framework\b|"
    r"(?:performance (?:management )?|outcomes? )framework\b[^.;]{0,40}?\b(?:sets?|includes?"
    r"|contains?|holds?|tracks?) (?:\w+ ){0,2}?(?:targets?|indicators?|measures?|kpis?|metrics?)|"
    r"measur\w+ (?:of )?productivity|"
    # the council naming its own measure of (in)efficiency: "the variance is our measure of
    # waste", "unit cost is the council's main measure of efficiency" (round 32)
    r"(?:our|its|the council.s) (?:own |main |chief |principal |preferred |headline )?"
    r"(?:measures?|metrics?|yardsticks?|gauges?) of (?:\w+ )?(?:productivity|efficiency"
    r"|inefficiency|waste|value for money|performance|output)|"
    r"productivity (?:measures?|metrics?|dashboards?|index|indicators?)|"
    r"measur\w+ (?:our |its |the council.s )?performance|"
    # monitoring performance "closely" is an aim; "through", "against", "using" says how
    r"(?:track|monitor)\w* (?:our |its |the council.s )?(?:performance|productivity) (?:\w+ )?"
    r"(?:through|using|against|with|via|by means of)|"
    r"productivity (?:means|(?:is|can be|will be) (?:measured|assessed|tracked))|"
    r"nearest neighbours?|apse|outcomes? (?:measures|indicators)|"
    r"metrics?|scorecard|"
    # the council comparing itself with others is benchmarking in other words ("compared
    # with other councils, our reserves are low" is context, not a way of measuring)
    r"(?:compar(?:e|es|ing)|(?:is|are) compared) (?:[\w,]+ ){0,10}?(?:with|against|to) "
    r"(?:those of |that of )?(?:the )?(?:other|similar|comparable|peer|neighbouring|statistical|"
    r"(?:councils|authorities) (?:that are )?(?:like|similar to) (?:us|ours))|"
    r"cipfa (?:nearest |statistical )?(?:neighbours?|benchmark\w*|comparators?|family group|data|"
    r"resilience index)|lg futures|(?:statistical|comparator|peer) (?:neighbours?|groups?)|"
    r"value for money profiles?|"
    # measuring a quantity, actively or passively ("unit costs have risen" is not measuring); a
    # county or a country is no count ("8% below the county average", round 39)
    r"(?:measur\w*|count(?:s|ed|ing)?|track\w*|monitor\w*|compar\w*|benchmark\w*) (?:\w+ ){0,2}?"
    r"(?:average|number|"
    r"proportion|share|percentage|rate|unit costs?|costs? (?:per|of each)|time taken|volumes?)|"
    r"(?:time|hours|savings?|demand|activity|outputs?|costs?|performance|productivity|"
    r"benefits|efficienc\w+) (?:\w+ ){0,5}?(?:is|are|was|were|will be|gets?) (?:\w+ )?"
    r"(?:logged|recorded|counted|measured|tracked|monitored|benchmarked)|"
    r"we (?:also |now |regularly |routinely )?(?:measure|count|benchmark)|"
    r"(?:judg|assess|measur)\w* (?:its|our|the council.s) (?:own )?productivity|"
    r"measur\w* how (?:productive|efficient|well)|"
    # an output rate per worker, whoever does the work: "repairs completed per operative",
    # "assessments closed per social worker" (round 36: not only officers)
    r"(?:decided|processed|handled|completed|resolved|closed|carried out|done|cleared) per "
    r"(?:\w+ )?(?:officer|member of staff|fte|employee|operative|worker|caseworker|assessor"
    r"|practitioner|inspector|planner|adviser|advisor|agent|crew)|"
    r"(?:judg|gaug|know|tell|see|understand|assess|check)\w* how (?:well )?(?:we|the "
    r"council|our services|services|each service|it) (?:are|is) (?:doing|performing)|"
    r"measures? (?:we|that we|the council) (?:use|watch|track|look at|rely on|follow)|"
    r"(?:main|key|headline|core|single) (?:measures?|figures?|metrics?|indicators?) (?:of|for|we"
    r"|is|are)|"
    r"dashboards? (?:\w+ ){0,2}?(?:showing|that shows?|which shows?|shows|tracking|tracks"
    r"|to track|to monitor|monitors)|"
    # "Right first time: redesigning journeys" names a programme; its rate is a measure
    r"(?:rates?|percentage|share|proportion|measures?) (?:of )?(?:cases |calls |contacts )?"
    r"right[- ]first[- ]time|"
    r"right[- ]first[- ]time (?:rates?|percentage|scores?|measures?|indicators?)|"
    r"first[- ]contact resolution|(?:average|mean) (?:handling|waiting|"
    r"processing|response|turnaround) times?|"
    # productivity as outputs for inputs: a definition is a way of measuring
    # the full-time equivalent spelled out too ("output per full-time equivalent", round 39)
    r"outputs? (?:per|for each|relative to|against) (?:\w+ )?(?:input|unit|pound|fte|"
    r"full[- ]time equivalent|member of staff|employee|hour)|"
    # a ratio of outputs to inputs the council uses: "each service reports a ratio of outputs to
    # staff hours", "outputs divided by inputs" (round 23); not one it sets aside ("best
    # understood through outcomes rather than a ratio of outputs to inputs")
    r"(?:reports?|reported|uses?|used|tracks?|tracked|calculates?|calculated|measures?|measured"
    r"|sets?|compares?|compared|records?|recorded|monitors?|monitored|publish\w*|produces?"
    r"|expresse?[sd]?|works? out) (?:a |an |the |its |our |each |their )?(?:\w+ ){0,2}?"
    r"ratios? (?:of )?(?:\w+ ){0,2}?outputs? (?:to|per|against|over|and) (?:\w+ ){0,2}?"
    r"(?:inputs?|hours?|costs?|spend\w*|staff|fte|employees|pounds?|resources)|"
    # benefits, savings or value for the cost put in: "the benefits divided by the cost of the
    # change", "savings divided by the investment" (a return on a change, round 30)
    r"(?:outputs?|benefits?|savings|value|outcomes?) (?:[\w-]+ )?divided by (?:\w+ ){0,3}?"
    r"(?:inputs?|hours|costs?|spend\w*|fte|resources|investment|outlay)|"
    # a unit cost or an output rate the council uses or reports: "for housing repairs we use
    # cost per void turned round", "each team reports its gross cost per case closed" (round 24)
    r"(?:use|uses|used|using|reports?|reported|reporting|publish(?:es|ed)?|tracks?|tracked"
    r"|records?|recorded|calculates?|calculated) (?:a |an |the |its |our |each |their )?"
    r"(?:[\w-]+ ){0,2}?(?:costs?|spend|outputs?|transactions|cases|collections|claims"
    r"|applications|repairs|visits|inspections|hours|time) (?:[\w-]+ ){0,2}?per (?:[\w-]+ )?"
    r"(?:household|resident|head|case|transaction|crew|officer|fte|operative|assessor|employee"
    r"|member of staff|client|user|tonne|visit|claim|application|property|pupil|child|adult"
    r"|person|customer|call|contact|void|repair|inspection)s?|"
    # figures for a unit cost the council says it publishes or will publish: "we will publish a
    # baseline and quarterly figures for gross cost per tenancy sustained" (round 26)
    r"(?:publish\w*|report\w*|track\w*|set|sets|use|uses|record\w*|produc\w+)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:figures|data|baselines?|statistics|results|measures?|indicators?)\s+(?:for|on|of)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:costs?|spend) (?:[\w-]+ ){0,2}?per\s+\w+|"
    # a unit cost for the council's outputs that a model gives or a service reports ("our
    # service costing model produces a unit cost for each transaction", "each directorate
    # reports a real-terms unit cost for its main output"); activity-based costing (round 27)
    r"(?:gives?|produces?|provides?|generates?|calculates?|reports?|publish(?:es)?|tracks?|uses?)"
    r" (?:a |an |the |its |our |each |their )?(?:[\w-]+ ){0,2}?(?:unit costs?|costs? per unit)"
    r"(?: of (?:output|activity|service))? (?:for|of|per|on) "
    r"(?:each |every |its |our |their |the )?(?:[\w-]+ ){0,2}?"
    r"(?:outputs?|services?|activit(?:y|ies)|transactions?|cases?|units?)|"
    r"activity[- ]based costing|"
    # a cost to serve the council works out for its transactions or services ("we calculate a
    # 'cost to serve' for every common transaction by channel"; round 38)
    r"(?:calculat\w+|work\w* out|estimat\w+|reports?|reported|track\w*|uses?|measur\w+"
    r"|publish\w*|record\w*) (?:a |an |the |our |its |each |their )?['‘\"“]?cost[- ]to[- ]serve\b|"
    # or the council's own cost-to-serve model, or one said to give or show costs ("our
    # cost-to-serve model gives the full cost of a contact by channel", round 39); a model still
    # to be built is an intention (``_NO_MEASURES``)
    r"(?:our|its|the council.s) (?:own )?['‘\"“]?cost[- ]to[- ]serve['’\"”]? (?:model|analysis|tool"
    r"|calculations?|figures|data|measures?|metrics?)\b|"
    r"cost[- ]to[- ]serve['’\"”]? (?:model|analysis|tool) (?:gives|shows|calculates|tells|produces"
    r"|provides|sets out|compares|works out)\b|"
    r"(?:define|defines|defined|think of|see|understand) productivity as|"
    r"productivity (?:is|can be) (?:defined|understood|seen|thought of) as|"
    r"benefits? (?:realisation|tracking|tracker|register)|"
    # the council naming its own test: "the simplest test we use of whether we are lean",
    # "set against the average for similar districts", "tells us how efficiently we handle"
    r"(?:tests?|yardsticks?|gauges?|checks?) (?:that )?we (?:use|apply|rely on)|"
    r"(?:set|measured|compared|judged|benchmarked) against (?:the )?(?:average|median|mean)|"
    # the council scoring, rating or ranking its services on something: "our value for money
    # framework rates every service on cost and outcome"; the median or average of councils like
    # it as the standard, whatever stands between: "… scored against the median for similar
    # councils" (round 33)
    r"(?:scores?|scored|scoring|rates|rated|rating|ranks|ranked|ranking|grades?|graded|grading)"
    r" (?:each|every|all|our|its|the council.s) (?:[\w-]+ ){0,2}?(?:services?|teams?|directorates?"
    r"|departments?|functions?) (?:on|against|by) |"
    r"against (?:the )?(?:average|median|mean|upper quartile|lower quartile) (?:for|of|among|across"
    r"|in) (?:the )?(?:[\w-]+ )?(?:similar|comparable|other|peer|neighbouring|statistical|nearest)|"
    r"tells? (?:us|members|managers) how (?:well|efficiently|productive\w*|quickly)|"
    r"mystery shop\w*|"
    # a survey that asks or tracks: "our annual residents' survey asks whether people agree …"
    r"(?:residents.?|staff|customer|annual|satisfaction) surveys? (?:\w+ ){0,2}?(?:asks?|measures?"
    r"|tracks?|shows?|tells?)|"
    # benchmarking in other words: "a review of our costs against comparable councils"
    r"(?:costs?|performance|spend\w*)\b[^.;]{0,30}\bagainst (?:comparable|similar|other|peer"
    r"|neighbouring) (?:councils|authorities|districts|boroughs)|"
    # "we will measure the success of this plan through the savings it delivers"
    r"(?:we|the council) (?:will |shall |would )?measure (?:\w+ ){0,5}?(?:through|by|using|against"
    r"|with))\b",
)
# A title about measuring: the passages under it answer "How do you measure productivity?"
_MEASUREMENT_TITLE = vocabulary(
    # "measures" alone are often actions ("Measures to reduce waste"): not a title about measuring
    r"\b(?:measur(?:ing|ed|ement)|(?:how|ways?) (?:\w+ ){0,3}?measure|"
    r"measures? (?:of|for) (?:productivity|performance|success)|"
    r"metrics?|kpis?|key performance indicators?|benchmark\w*|"
    r"performance (?:management|framework|monitoring|indicators?)|"
    r"(?:monitoring|assessing|tracking) (?:performance|productivity|progress|impact)|"
    r"evaluat\w+|how (?:we|do we|do you|will we|can we|does the council|do councils) "
    r"(?:know|track|assess|tell|judge))\b",
)
# Evidence of any kind: what a statement under such a title must speak of to answer it.
_EVIDENCE = vocabulary(
    r"\b(?:data|compar\w+|track\w*|monitor\w*|surveys?|costs?|targets?|indicators?|"
    r"outcomes?|outputs?|metrics?|measur\w*|assess\w*|evaluat\w+|benchmark\w*|dashboards?|"
    # not "productivity" or "performance": the question says them, so an answer that only
    # repeats them ("we are committed to improving productivity") gives no evidence
    r"insight|evidence|baselines?|scorecards?|per cent|averages?|percentages?|proportions?"
    r"|number of|days to|per (?:head|resident|household|case"
    r"|transaction)|rank\w*|(?:lowest|highest) (?:in|among|of))\b|%",
)
_SERVICE_REVIEW = re.compile(r"\bservice reviews?\b", re.IGNORECASE)
_ASSESSING = re.compile(
    # "productivity" assesses, not the productivity plan named beside a service review ("On the
    # agenda: the library service review, the productivity plan …", round 32)
    r"\b(?:assess\w*|evaluat\w*|deep[- ]dives?|benchmark\w*|compar\w+|productivity(?!\s+plans?\b)"
    r"|review\s+of\s+(?:productivity|efficiency|performance|costs?|value)"
    r"|how\s+(?:each|the|a)\s+service\s+(?:is|was)\s+(?:currently\s+)?(?:delivered|performing|run))\b",
    re.IGNORECASE,
)
_REPORTING = vocabulary(
    # "our performance report, covering 40 indicators of service outcomes, goes to Cabinet":
    # what the report covers, told between commas, does not make its reporting a way of measuring
    r"\b(?:kpi|performance|monitoring)\s+reports?(?:\s*,[^,.;]{0,120},)?\s+(?:[^\s.;]+\s+){0,6}?"
    r"(?:are|is|were|was|will\s+be|would\s+be|to\s+be)\s+(?:\w+\s+)?"
    r"(?:presented|reported|submitted|taken|brought)\s+to\b"
    r"|\b(?:reported|presented|monitored)\s+(?:through|via|in)\s+(?:the\s+)?(?:\w+\s+){0,4}?"
    r"(?:performance|kpi|monitoring)\s+reports?\b"
    r"|\b(?:kpi|performance|monitoring)\s+(?:data|information|reports?)\s+(?:is|are|was|were|"
    r"will\s+be)\s+(?:\w+\s+)?published\b"
    # performance reported to a meeting through a named framework, and nothing more said of the
    # framework, is its governance: "performance against our Council Plan is reported to Cabinet
    # each quarter through the Performance and Outcomes Framework" (round 24)
    r"|\bperformance\s+(?:\w+\s+){0,5}?(?:is|are|was|were|be)\s+(?:\w+\s+)?reported\s+to\b"
    r"(?:[^.;]{0,40}?\b(?:through|via|under|within)\s+(?:the\s+|our\s+|its\s+)?"
    r"(?:[\w-]+\s+(?:and\s+)?){0,3}?framework\s*(?:[.;]|$))?"
    # a performance report that reports against the council's indicators and goes to a
    # committee is reporting, as the report going to a meeting is: "the quarterly performance
    # digest reports progress against our priorities and indicators and is presented to Cabinet"
    # (round 32)
    r"|\b(?:performance|kpi|monitoring|progress)\s+(?:monitors?|reports?|digests?|updates?)\s+"
    r"(?:reports?|sets?\s+out|covers?)\s+(?:progress\s+)?(?:against|on)\s+[^.;]{0,100}?\b(?:and"
    r"|which)\s+(?:is|are)\s+(?:then\s+)?(?:considered|presented|reported|scrutinised|scrutinized"
    r"|reviewed|taken|submitted|received)\s+(?:by|to)\b[^.;]*"
    # a performance report said to track the council's indicators, and nothing said of what
    # they are: "our monthly performance report to the Executive continues to monitor the
    # corporate KPIs" is reporting to members (round 33); "… tracks cost per case" says what
    r"|\b(?:performance|kpi|monitoring|progress)\s+(?:monitors?|reports?|digests?|updates?"
    r"|scorecards?)(?:\s+to\s+(?:the\s+)?(?:[\w&,'’-]+\s+){0,3}?(?:cabinet|committee|executive"
    r"|council|members|board|panel))?\s+(?:continues?\s+to\s+|also\s+|will\s+(?:continue\s+to\s+)?"
    r"|still\s+)?(?:tracks?|monitors?|covers?|includes?|reports?\s+(?:on|against)|sets?\s+out)\s+"
    r"(?:our|the|its|all|all\s+(?:of\s+)?(?:our|the|its)|the\s+council.s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:key\s+performance\s+indicators|kpis|performance\s+indicators|indicators|measures"
    r"|metrics)\s*(?:[.;]|$)"
    # a tally of indicators against their targets is the report's result, not a way of
    # measuring: "of the 22 indicators reported, 17 met target and five were amber" (round 33)
    r"|\b(?:of\s+(?:the|our|its|their)\s+)?\d+\s+(?:key\s+|corporate\s+|service\s+)?(?:performance"
    r"\s+)?(?:indicators?|kpis?|measures?|metrics?|targets?)\b[^.;]{0,60}?\b\d+\s+(?:had\s+|have"
    r"\s+|has\s+|were\s+|are\s+|was\s+|is\s+)?(?:met|achieved|exceeded|missed|hit|on\s+target"
    r"|off\s+target|green|amber|red|within\s+tolerance)\b[^.;]*"
    # indicators put in a report: "the plan's indicators would be included in the quarterly
    # performance report to Cabinet"
    r"|\b(?:indicators?|measures?|kpis?|metrics?)\s+(?:[^\s.;]+\s+){0,3}?(?:would|will|are|is)\s+"
    r"(?:be\s+)?(?:included|reported)\s+in\s+(?:the|a|our|each)\s+(?:\w+\s+){0,2}?"
    r"(?:performance|monitoring)\s+reports?\b"
    # publishing performance data is openness about it: "publish our performance data on an
    # open dashboard"
    r"|\bpublish\w*\s+(?:\w+\s+){0,2}?(?:performance|kpi|monitoring)\s+(?:data|information"
    r"|reports?)\b"
    # monitoring as a service the council runs, not measuring: "CCTV monitoring brought back in
    # house", "our community alarm monitoring centre" (round 25)
    # a pointer to where the plan answers, not the answer: "Section 4 of the plan explains our
    # approach to measuring productivity" (round 27)
    r"|\b(?:section|chapter|part|annex|appendix|paragraph)\s+[\w.]+\b[^.;]{0,40}?\b(?:explains?"
    r"|sets?\s+out|describes?|covers?|outlines?|summarises?)\s+(?:our|the\s+council.s|its|the)\s+"
    r"(?:approach|plans?|proposals?|arrangements)\s+(?:to|for)\s+(?:measuring|assessing|tracking"
    r"|monitoring)\s+(?:\w+\s+)?(?:productivity|performance|efficiency)\b"
    r"|\b(?:cctv|camera|alarm|community\s+alarm|telecare|careline|lifeline|control\s+room)"
    r"\s+monitoring\b"
    # collecting as a service the council runs, not collecting data: "the cost of collecting
    # waste", "collecting council tax and rents" (round 36); "we collect data on …" still counts
    r"|\bcollect(?:s|ed|ing)?\s+(?:(?:the|our|its|household|domestic|garden|food|residual|trade"
    r"|commercial|bulky|kerbside|recycl\w+)\s+){0,2}(?:waste|refuse|recycling|rubbish|bins|litter"
    r"|council\s+tax|rents?|business\s+rates|debts?|arrears|income|fees|charges)\b"
    # the budget's position watched, not a way of measuring: "the revenue and capital monitoring
    # position", "budget monitoring to the end of May" (round 36)
    r"|\b(?:budget|revenue|capital|financial|finance|treasury)\s+(?:and\s+(?:budget|revenue"
    r"|capital|financial|finance|treasury)\s+)?monitoring\b|\bmonitoring\s+position\b"
    # a grant's conditions, not the council measuring: "grants, each with its own conditions
    # and monitoring", "monitoring returns to three departments"
    r"|\b(?:conditions|reporting|claims?|paperwork)\s+and\s+monitoring\b"
    r"|\bmonitoring\s+(?:requirements?|returns?|conditions|regimes?|arrangements\s+of\s+each)\b"
    # a result, not a way of measuring: "our costs compare well with other districts", "we
    # benchmark favourably against similar councils", "benchmarking shows that we compare well"
    r"|\bbenchmark\w*\s+(?:shows?|showed|suggests?|confirms?|demonstrates?)\s+(?:that\s+)?"
    r"(?:we|the\s+council|our\s+(?:\w+\s+)?(?:costs?|services?|performance))\s+(?:compares?"
    r"|benchmarks?|performs?)\s+(?:very\s+|so\s+)?(?:well|favourably|strongly)\b"
    r"|\b(?:compares?|benchmarks?)\s+(?:very\s+|so\s+)?(?:well|favourably|poorly|badly"
    r"|strongly)\b"
    # the tax the council sets, compared: "we benchmark our council tax against other districts
    # and remain in the lowest quartile" is a level of tax, not a way of measuring productivity
    # (the cost or rate of collecting it is: "council tax collection" is not read here); so are
    # the prices it sets, its fees and charges, benchmarked when the budget sets them (round 31)
    r"|\b(?:benchmark\w*|compar(?:e|es|ed|ing))\s+(?:our|its|the\s+council.s|the)\s+(?:band\s+d\s+)?"
    r"(?:council\s+tax|precept|tax|(?:[\w-]+\s+){0,2}?(?:fees|charges|prices|tariffs)(?:\s+and\s+"
    r"(?:charges|fees|prices|tariffs))?)(?:\s+(?:levels?|bills?|charges?|rates?|increases?|rises?"
    r"|schedules?))?\s+(?:against|with|to)\b[^.;]*"
    # where indicators are kept, not how anything is measured: "key performance indicators are
    # set out in the Council Plan", "our KPIs are available to view on the website"
    r"|\b(?:kpis?|key\s+performance\s+indicators?|performance\s+indicators?)\b[^.;]{0,40}?"
    r"\b(?:are|is)\s+(?:\w+\s+)?(?:set\s+out|listed|contained|published|available)\s+"
    r"(?:to\s+view\s+)?(?:in|on|at|online)\b"
    # the same told of the plans that hold them, nothing said of what they measure: "each
    # directorate has a business plan with its own key performance indicators" (round 36)
    r"|\b(?:business|service|team|directorate|departmental|divisional)\s+plans?\s+(?:with|containing"
    r"|(?:that|which)\s+(?:contains?|sets?\s+out|includes?|holds?)|setting\s+out|including)\s+"
    r"(?:its|their|our|the|a\s+set\s+of)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:key\s+performance"
    r"\s+indicators|kpis|performance\s+indicators|indicators|measures|performance\s+measures"
    r"|targets)\s*(?:[.;]|$)"
    # a count of indicators that span everything, with nothing said of what they measure: "our
    # performance framework includes 90 indicators covering all Council Plan priorities" (as the
    # writers of rounds 16, 26 and 30 read it); "covering cost, time and quality" says what
    r"|\b(?:includes?|including|contains?|containing|sets?\s+out|setting\s+out|has|have|holds?"
    r"|comprises?|lists?)\s+(?:over\s+|more\s+than\s+|some\s+|around\s+|about\s+|nearly\s+)?"
    r"\d+\s+(?:key\s+)?(?:performance\s+)?(?:indicators?|kpis?|measures?|metrics?)\s+"
    r"(?:covering|across|spanning|for)\s+(?:all|every|each)\s+(?:of\s+)?(?:the\s+|our\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:services?|priorities|directorates?|departments?|areas?|themes?"
    r"|outcomes?|objectives?)\s*(?:[.;]|$)"
    # a body's look at how the council measures, to come: "Scrutiny will review how productivity
    # is measured when it considers the plan" (oversight of measuring, no measure, round 30)
    r"|\b(?:review|reviews|reviewed|reviewing|scrutinis\w+|scrutiniz\w+|consider|considers"
    r"|considered|considering|examin\w+|discuss\w*|challeng\w+|look\s+at|looked\s+at)\s+how\s+"
    r"(?:\w+\s+){0,2}?(?:productivity|performance|efficiency|value\s+for\s+money|progress)\s+"
    r"(?:is|are|was|will\s+be|would\s+be|should\s+be|could\s+be)\s+(?:best\s+)?(?:measured"
    r"|assessed|tracked|monitored|judged)\b"
    # an action to develop measures (an action plan's row): "Develop productivity measures with
    # partners | Head of Service | 2025" names a measure still to come
    r"|\b(?:develop|developing|development\s+of|design|designing|devise|devising|agree|agreeing)"
    r"\s+(?:new\s+|common\s+|shared\s+|our\s+|its\s+|a\s+(?:new\s+)?(?:set|suite|range)\s+of\s+)?"
    r"(?:productivity|efficiency|value\s+for\s+money)\s+(?:measures?|metrics?|indicators?|kpis?)\b"
    # a national rate described, not the council measuring: "LHA, the rate used to calculate
    # housing benefit" (a glossary's entry)
    r"|\b(?:rates?|formulae?|formulas?|figures?|measures?|index)\s+used\s+(?:by\s+(?:\w+\s+){1,3}?)?"
    r"to\s+(?:calculate|work\s+out|set|determine|assess)\s+(?:\w+\s+){0,2}?(?:benefits?|grants?"
    r"|allowances?|allocations?|funding|subsid(?:y|ies)|rents?|entitlements?|payments?|support|discounts?|reliefs?)\b"
    # a staff survey as listening: "the annual staff survey tells us what our people think"
    r"|\bsurveys?\s+tells?\s+us\s+what\s+(?:our\s+)?(?:people|staff|employees|colleagues"
    r"|workforce|teams?)\s+(?:think|feel)\b"
    # how staff feel, as a staff survey found it, is engagement, not productivity: "our employee
    # survey found 81% of colleagues feel valued" (round 28, as rounds 11, 21 and 24 read it)
    r"|\b(?:staff|employee|workforce|colleague|people|pulse)\s+surveys?\b[^.;]{0,40}?\b(?:shows?"
    r"|showed|shown|found|finds|tells?|told|suggests?|reveal\w*|says?)\s+(?:that\s+)?[^.;]{0,40}?"
    r"\b(?:staff|employees|colleagues|people|workforce|teams?|of\s+us)\s+(?:\w+\s+)?(?:are|were|is"
    r"|feel|felt|say|said|would|think|agree\w*|enjoy)\s+(?:\w+\s+)?(?:proud|happy|satisfied"
    r"|engaged|motivated|valued|supported|positive|confident|recommend|enjoy\w*|likely)\b[^.;]*"
    # what a staff survey asks its staff, told alone, is listening to them, as the survey's
    # findings about how staff feel are: "our biennial employee survey asks colleagues how
    # supported they feel" (round 31); the share agreeing used as a measure still counts
    r"|\b(?:staff|employee|workforce|colleague|people|pulse)\s+surveys?\s+(?:\w+\s+){0,2}?"
    r"asks?\s+(?:all\s+|our\s+|its\s+|the\s+)?(?:staff|employees|colleagues|people|workers"
    r"|officers|teams?|managers|them)\s+(?:whether|if|how|what|about)\b[^.;]*"
    # a survey's result, told as a share of opinion, is a result, not a way of measuring: "the
    # residents' survey showed 58% believe the council spends money wisely" (round 29, as rounds
    # 21, 22 and 27 read residents' ratings); the survey that asks, tracked or used as a
    # measure, still counts
    r"|\bsurveys?\b[^.;]{0,30}?\b(?:shows?|showed|shown|found|finds|suggests?|reveal\w*)\s+"
    r"(?:that\s+)?(?:(?:just\s+)?(?:over|under|nearly|almost|around|about|some|more\s+than"
    r"|fewer\s+than|less\s+than)\s+)?\d[\d.]*\s*(?:per\s+cent|%)\s+(?:of\s+(?:\w+\s+)?"
    # the staff's opinion told the same way (round 32)
    r"(?:residents|people|respondents|customers|tenants|users|staff|employees|colleagues"
    r"|workers|officers|managers)\s+)?(?:think|thought|agree\w*"
    r"|say|said|feel|felt|believe\w*|rate\w*|are\s+satisfied|were\s+satisfied)\b"
    # returns to government, and the ask for fewer of them, are a reporting burden, not the
    # council measuring: "a single annual data return would save officer time" (round 28)
    r"|\b(?:statutory|government|departmental|single)\s+(?:(?:annual|quarterly|monthly|data"
    r"|monitoring)\s+){0,2}returns?\b"
    r"|\breturns?\s+(?:\w+\s+){0,3}?to\s+(?:central\s+)?(?:government|departments|whitehall"
    r"|ministries|dluhc|mhclg)\b"
    # the treasury's words: "prudential indicators", "investment returns exceeded the benchmark"
    r"|\bprudential\s+indicators?\b|\b(?:investment|investments|treasury|borrowing|returns)\b"
    r"[^.;]{0,60}?\bbenchmarks?\b"
    # who oversees performance, not how it is measured: "performance against the Council Plan
    # is monitored by Cabinet and scrutinised by …"
    r"|\bperformance\b[^.;]{0,60}?\b(?:is|are)\s+(?:\w+\s+)?(?:monitored|scrutinised|overseen)"
    r"\s+by\b"
    # keeping indicators up to date: "KPIs will continue to be reviewed annually to ensure that
    # they remain relevant"
    # returns and monitoring reports that government or funders require of the council are a
    # burden it names, not a way it measures: "the number of statutory returns and monitoring
    # reports required by different government departments" (round 34)
    r"|\b(?:(?:statutory|data|grant|government)\s+)?(?:returns|monitoring\s+(?:reports?|returns?"
    r"|forms?|requirements?))\b[^.;]{0,60}?\b(?:required|demanded|requested|asked\s+for|imposed"
    r"|set)\s+by\s+(?:\w+\s+){0,3}?(?:government|departments?|ministries|whitehall|funders?"
    r"|dluhc|mhclg)\b"
    # that measuring matters is an aim, not a way of measuring: "we recognise the importance of
    # measuring productivity", "members stressed the value of benchmarking" (round 34); what
    # follows it in the sentence ("…, and use cost per case") is still read
    r"|\b(?:recognis|recogniz|acknowledg|understand|appreciat|stress|emphasis|emphasiz|underlin"
    r"|highlight|know|see|accept)\w*\s+(?:\w+\s+)?(?:the\s+)?(?:importance|value|need|benefits?"
    r"|role|significance)\s+(?:of|in)\s+(?:(?:robust(?:ly)?|proper(?:ly)?|accurate(?:ly)?|good|better"
    r"|clear(?:ly)?|consistent(?:ly)?)\s+)?(?:measur\w*|benchmark\w*|track\w*|monitor\w*)"
    r"(?:\s+(?:of\s+)?(?:our\s+|its\s+|the\s+council.s\s+)?(?:productivity|performance|efficiency"
    r"|value\s+for\s+money|outcomes|progress))?"
    r"|\b(?:kpis?|indicators?|measures?|metrics?)\s+(?:\w+\s+){0,4}?(?:reviewed|refreshed|revised"
    r"|updated)\s+(?:\w+\s+){0,3}?(?:to\s+ensure|so)\s+(?:that\s+)?(?:they|it)\s+(?:remains?"
    r"|stays?|(?:are|is)\s+still)\s+(?:relevant|fit|appropriate|up\s+to\s+date)",
)


# The delivery of savings watched through budget monitoring is the budget's upkeep, as budget
# monitoring itself is (``_REPORTING``), not a way of measuring productivity: "savings delivery is
# monitored monthly through the budget monitoring report" (round 39, twice: a plan and a
# measurement passage). Savings counted or tracked by other means still count. Kept apart from
# ``_REPORTING`` for RE2's DFA memory, and read before it (it takes out "budget monitoring").
_SAVINGS_IN_BUDGET = vocabulary(
    r"\b(?:savings?(?:\s+(?:delivery|programmes?|plans?|targets?|proposals))?|delivery\s+of\s+"
    r"(?:the\s+|our\s+|its\s+)?(?:\w+\s+)?savings?)\s+(?:\w+\s+){0,3}?(?:monitored|tracked"
    r"|reported|reviewed)\b[^.;]{0,30}?\b(?:through|in|via|within|as\s+part\s+of)\s+(?:the\s+|our"
    r"\s+|its\s+|a\s+)?(?:\w+\s+){0,2}?(?:budget|revenue|financial|finance)\s+monitoring\b[^.;]*"
    r"|\b(?:monitor|track|review|report\s+on)\w*\s+(?:the\s+)?(?:delivery\s+of\s+)?(?:the\s+|our\s+"
    r"|its\s+)?(?:\w+\s+)?savings?\b[^.;]{0,40}?\b(?:through|in|via|within|as\s+part\s+of)\s+"
    r"(?:the\s+|our\s+|its\s+|a\s+)?(?:\w+\s+){0,2}?(?:budget|revenue|financial|finance)\s+"
    r"monitoring\b[^.;]*"
)


def _without_reporting(text: str) -> str:
    """The text without reporting, oversight and upkeep, which measure nothing (``_REPORTING``,
    ``_SAVINGS_IN_BUDGET``)."""
    return _REPORTING.sub(" ", _SAVINGS_IN_BUDGET.sub(" ", text))


def measurement_cue(text: str) -> bool:
    """Whether ``text`` has vocabulary for a way of measuring (see the comment above)."""
    text = _without_reporting(text)
    if MEASURE_STRONG.search(text):
        return True
    return bool(_SERVICE_REVIEW.search(text) and _ASSESSING.search(text))


# Measuring in the council's own words, whatever it measures: an act of measuring (working a
# figure out, logging, counting, comparing, judging, timing) and, in the same sentence, a
# quantity or a standard to read it by (a rate per something, a unit cost, a share, a time, a
# survey, an index, results). Neither alone: "we monitor closely" and "unit costs have risen"
# say nothing about how the council measures, and aims ("assessing the efficiency of
# services", "our approach to assessing performance") are not quantities.
_MEASURING_ACT = vocabulary(
    r"\b(?:measur\w*|calculat\w*|comput(?:e|es|ed|ing)|record(?:ed|ing)|logg?(?:s|ed|ing)?"
    r"|(?:we|they|officers|staff|teams?|managers|services?) record"
    r"|records\s+(?:the|its|each|every|how|what|all|our)\b"
    r"|count(?:s|ed|ing)?|track(?:s|ed|ing)?|monitor\w*|compar(?:e|es|ing)|benchmark\w*"
    # "compared" as a verb: "costs are compared", "we compared our costs"; not the preposition
    # of a fact ("remains low compared with the south")
    r"|(?:is|are|was|were|be|been|being|we|they|and|then)\s+compared|compared\s+(?:the|our|its"
    r"|their|each|every|these|those|unit|costs?|performance)"
    r"|judg(?:e|es|ed|ing)|gaug\w*|assess(?:es|ed|ing)?|evaluat(?:e|es|ed|ing)|quantif\w*"
    r"|collect(?:s|ed|ing)?|sampl(?:e|es|ed|ing)"
    # "work out" as a verb, with its object ("we work out the cost of each enquiry", "work out
    # what each transaction costs"); "hours of repetitive work out of back-office processes" is
    # work taken out of something, a saving (round 33)
    r"|work(?:s|ed|ing)?\s+out\s+(?:the|a|an|how|what|which|whether|our|its|their|each|every"
    r"|unit|costs?|average)\b|surveyed|surveying|yardsticks?|lens(?:es)?|vital\s+signs"
    r"|express(?:es|ed)?\s+as|(?:is|are)\s+taken\s+as|regard\w*\s+(?:\w+\s+){0,6}?as\s+the"
    r"|we\s+treat\s+(?:\w+\s+){0,6}?as|(?:we|you)\s+(?:will|would|can|shall)\s+know\b[^.;]{0,40}?\bif"
    r"|(?:review|report|sign)\w*\s+(?:\w+\s+){0,8}?(?:each|every|a)\s+(?:week|month|quarter|year)"
    r"|(?:each|every)\s+(?:week|month|quarter|year)\b[^.;]{0,40}?\b(?:review|report|sign)\w*"
    r"|(?:quarterly|monthly|weekly),[^.;]{0,40}?\b(?:review|report|sign)\w*"
    r"|(?:weekly|monthly|quarterly|annual)\s+(?:\w+\s+)?(?:return|review|survey|summary)"
    # "are now reported monthly so that we can see whether route planning is working"
    r"|(?:reported|reviewed|tracked|monitored|published)\s+(?:weekly|monthly|quarterly|annually"
    r"|every\s+(?:week|month|quarter|(?:\w+\s+)?(?:weeks|months)))"
    # "… against a 2023/24 baseline"
    r"|against\s+(?:a|the|our)\s+(?:\d{4}/\d{2}\s+|\d{4}\s+)?baseline"
    r"|so\s+(?:that\s+)?we\s+can\s+(?:see|tell|judge|check)\s+(?:whether|if|how)"
    r"|(?:report|return|summary|dashboard|table|scorecard)s?\b[^.;]{0,40}?\b(?:showing|shows?|sets?"
    r"|setting|combin\w+|brings? together)\b"
    r"|(?:we|officers|managers|members|board|team) (?:watch|check|look)(?:es|ed|ing|s)?\b"
    r"|(?:we|officers|managers|members|board|team)s? (?:look|looks|looked) at"
    # a framework or approach that looks at quantities: "our efficiency framework looks at cost
    # per case and days to decide" (the quantity is still needed, round 30)
    r"|(?:frameworks?|approach|model|scorecards?|dashboards?|index|assessments?)\s+(?:\w+\s+)?"
    r"(?:looks?|looked)\s+at"
    # "checks" and "tests" measure when they take an object ("the PMO checks the benefits"),
    # not as nouns ("automated evidence checks, and …")
    r"|(?:checks|tests)\s+(?:the|those|these|that|whether|each|every|our|its|their|how|what|if)"
    # "satisfaction is tested every two years", not "we are testing AI note-taking" (a trial)
    r"|test(?:ed|ing)\s+(?:against|whether|how|every|each|annually|quarterly|monthly|through)"
    r"|estimat(?:e|es|ing)|divided\s+by"
    # "we follow the proportion of people still at home 91 days after reablement"
    r"|(?:we|they|officers|managers|teams?)\s+follow\s+(?:the\s+)?(?:proportion|number|percentage"
    r"|rate|share|cost|level|trend)s?"
    # a baseline taken: "process mapping established a baseline of 14 steps and 26 days"
    r"|(?:establish\w*|set|sets|setting|took|taken|measur\w*|record\w*)\s+(?:a|the|our)\s+baselines?"
    # "estimated" as a verb; "an estimated 1,900 hours" hedges a figure, it measures nothing
    r"|(?:we|they|officers|is|are|was|were|be|been|and)\s+estimated|estimated\s+(?:the|that"
    r"|how|our|its|each|every))\b",
)
_QUANTITY = vocabulary(
    r"\b(?:per\s+(?:[\w,-]+\s+){0,2}?[\w,-]+|unit\s+costs?|cost\s+of\s+(?:a|an|each"
    r"|every)\b|ratios?|rates?|percentages?|proportions?|share\s+of|number\s+of|volumes?|averages?"
    r"|(?:processing|waiting|response|handling|turnaround|elapsed|cycle|takt|journey)\s+times?"
    r"|time\s+(?:taken|to|from)\b|days\s+(?:to|lost|taken)|elapsed\s+days|(?:staff|officer)\s+(?:time"
    r"|hours)|hours\s+(?:of|released|saved|freed)|fte|full[- ]time\s+equivalents?|satisfaction"
    r"|survey\w*|scores?|index|caseloads?|throughput|outputs?|results|indicators?|figures?"
    r"|savings?\s+(?:delivered|achieved|realised|made)|cashable\s+savings?|hours"
    # "each team reports four numbers every month": the figures a service gives, in other words
    r"|numbers"
    # the time a process takes, told as a question or end to end ("how long it takes from a
    # resident asking to the service being delivered, measured end to end"; round 40)
    r"|how\s+long\s+(?:\w+\s+){0,3}?(?:takes?|took|taking)|end[- ]to[- ]end"
    r"|backlogs?|baselines?)\b",
)


# Acts that measure time by themselves: a time-and-motion study, timing each step. Time spent
# "each year" or "every month" is how often, not timing ("we spend time each year renegotiating
# short-term funding", round 29).
_TIMING = re.compile(
    r"\btime-and-motion\b|\btim(?:e|es|ed|ing)\s+(?:(?:each|every)\b(?!\s+(?:single\s+)?"
    r"(?:year|month|week|day|quarter|time|morning|evening|night|season|spring|summer|autumn"
    r"|winter)s?\b)|how\s+long\b)",
    re.IGNORECASE,
)


# "per" that is not a rate: "per cent", "per annum", "as per the recommendation"; nor are the
# taxes called rates ("council tax and business rates collection", round 36).
_NOT_A_RATE = re.compile(
    r"\bas\s+per\b|\bper\s+(?:cent|annum|the)\b|\b(?:business|non-domestic|national\s+non-domestic)"
    r"\s+rates\b",
    re.IGNORECASE,
)


def measuring_a_quantity(sentence: str) -> bool:
    """Whether a sentence says the council measures something (see ``_MEASURING_ACT``)."""
    if _TIMING.search(sentence):
        return True
    sentence = _without_reporting(sentence)  # reporting, oversight and upkeep measure nothing
    if _MEASURING_ACT.search(sentence) is None:
        return False
    return _QUANTITY.search(_NOT_A_RATE.sub(" ", sentence)) is not None


# Measuring done or wanted by someone else: government, Oflog, the sector at large ("whether a
# different mechanism for measuring productivity will be developed", "how local authorities
# will monitor and assess their plans"). Said in the council's voice it is the council's again.
_OTHERS = vocabulary(
    r"\b(?:government|ministers?|department|dluhc|mhclg|ministry|secretary of state|whitehall|"
    r"local authorities|all councils|councils (?:will|should|must|are|were)|"
    r"(?:local government association|lga|oflog|office for local government)(?:.s|\s+(?:has|have"
    r"|had|will|is|are|publish\w*|collect\w*|produc\w*|set\w*|uses?|track\w*|measur\w*"
    r"|report\w*))|"
    # the same told in the passive: "benchmarking data will be published by Oflog in the
    # autumn", "unit cost tables compiled by the department" (round 29)
    r"(?:published|produced|collected|compiled|released|issued|developed|set|defined|designed)"
    r" by (?:the )?(?:oflog|office for local government|lga|local government association"
    r"|government|department|dluhc|mhclg|ministry|ministers?|secretary of state|whitehall)|"
    # a measure for the whole sector, wished for or missing: "there is no nationally agreed
    # measure of productivity for councils" (round 29); "we use …" is the council's again
    r"(?:nationally[- ]agreed|national|sector[- ]wide|sector[- ]led|common national)"
    r" (?:\w+ )?(?:measures?|metrics?|indicators?|definitions?) (?:of|for) "
    r"(?:\w+ )?(?:productivity|efficiency|performance|councils|local government))\b",
)
_OUR_VOICE = re.compile(r"\b(?:we|our|us|the council|this council)\b", re.IGNORECASE)


# A national body's view, reported ("The Local Government Association has argued that councils
# face a funding gap of £6.2 billion"): a commentator's opinion, not the council naming its own
# barrier, unless the sentence speaks for the council too ("… and this council's share is …").
_NATIONAL_VIEW = re.compile(
    # "The Chief Economist of the Institute for Fiscal Studies has said …", "A spokesperson for
    # the Local Government Association said …"
    # a lead-in naming the context ("For context:", "Nationally,") and an article with a word or
    # two of description ("A national think-tank has estimated …", round 23) change nothing
    r"^\W*(?:(?:for\s+context|in\s+context|nationally|more\s+widely|across\s+the\s+country"
    r"|meanwhile|elsewhere)\s*[:,]\s*)?"
    # a named person before the appositive: "Jo Bloggs, an economist at a national think tank,
    # said …" (round 30)
    r"(?:(?:[\w.'’-]+\s+){0,2}[\w.'’-]+,\s+)?(?:according\s+to\s+)?(?:(?:the|a|an|one)\s+)?"
    r"(?:(?:national|leading|independent|respected|influential|prominent|well[- ]known|sector"
    r"|london-based|major)\s+){0,2}(?:(?:[\w-]+\s+){1,3}(?:of|at|for|from)\s+(?:the|a|an|one)\s+"
    # "A spokesperson for a national think tank said …" (round 30)
    r"(?:(?:national|leading|independent|respected|influential|prominent|well[- ]known|sector"
    r"|london-based|major)\s+){0,2})?"
    r"(?:local\s+government\s+association|lga|institute\s+for"
    r"\s+fiscal\s+studies|ifs|county\s+councils\s+network|ccn|district\s+councils.?\s+network|dcn"
    r"|sigoma|national\s+audit\s+office|nao|commentators?|think[- ]tanks?|analysts|economists"
    # a research body named by its kind alone: "The Institute's analysis found …" (round 31)
    r"|institute|foundation"
    # an academic or researcher told by their field ("Dr Jo Bloggs, a local government finance
    # researcher at a university, said …", round 35)
    r"|(?:[\w-]+\s+){0,4}?(?:researchers?|academics?|professors?|lecturers?|experts?)"
    r"|the\s+new\s+local|localis|cipfa)\b(?:[^.;]{0,40}?\b(?:has\s+|have\s+|had\s+)?(?:argued"
    r"|said|says|estimated|estimates|warned|warns|claimed|claims|suggested|suggests|calculated"
    r"|calculates|found|finds|reported|reports|predicted|predicts|believes?))?",
    re.IGNORECASE,
)


# National agencies and sector bodies whose names are also the words of other sentences ("Homes
# England funding", "the King's Fund"): their view is reported only when a verb of saying follows
# them, their officer's included ("Homes England's chief executive said that councils across the
# country face rising homelessness pressures", round 39).
_NATIONAL_SPEAKER = re.compile(
    r"^\W*(?:(?:for\s+context|nationally|more\s+widely|meanwhile|elsewhere)\s*[:,]\s*)?(?:the\s+)?"
    r"(?:homes\s+england|national\s+housing\s+federation|king['’]?s\s+fund|nuffield\s+trust"
    r"|centre\s+for\s+cities|association\s+of\s+directors\s+of\s+(?:adult\s+social\s+services"
    r"|children['’]?s\s+services|public\s+health)|adass|adcs|society\s+of\s+(?:county|district"
    r"|london|municipal|unitary)\s+treasurers|key\s+cities|lgiu|local\s+government\s+information"
    r"\s+unit|office\s+for\s+budget\s+responsibility|obr|children['’]?s\s+commissioner"
    r"|local\s+government\s+(?:and\s+social\s+care\s+)?ombudsman|grant\s+thornton)(?:['’]s)?\b"
    r"[^.;]{0,60}?\b(?:has\s+|have\s+|had\s+)?(?:argued|said|says|warned|warns|estimated"
    r"|estimates|claimed|claims|suggested|suggests|told|stated|found|finds|reported|reports"
    r"|predicted|predicts|believes?)\b",
    re.IGNORECASE,
)


# Others' views and figures told in the press (round 40), not the council's own barriers:
# - a named consultant, analyst or commentator in an appositive, whatever they did before ("Chris
#   Smith, a former finance director who now advises councils for a consultancy, said …");
# - national statistics from a ministry, department or the ONS ("Statistics from the department
#   show record numbers of households in temporary accommodation");
# - a count of plans or councils that ask for or complain about something, a survey of others
#   ("46 call for multi-year settlements", "Of the 50 plans, 22 complain about reporting").
_OTHERS_REPORTED = re.compile(
    r"^\W*(?:[\w.'’-]+\s+){0,2}[\w.'’-]+,\s+(?:a|an)\s+[^.;,]{0,80}?\b(?:consultan(?:t|ts|cy|cies)"
    r"|commentators?|analysts?|economists?|academics?|researchers?|pollsters?|auditors?)\b"
    r"[^.;,]{0,40},\s+(?:has\s+|had\s+)?(?:said|says|argued|warned|told|added|suggested|believes?)\b"
    r"|^\W*(?:[\w-]+[.:]\s+)?(?:the\s+)?(?:national\s+|official\s+|new\s+|latest\s+|government\s+)?"
    r"(?:figures|statistics|data)\s+(?:published\s+|released\s+)?(?:from|by)\s+(?:the\s+)?"
    r"(?:ministry|department|government|dluhc|mhclg|ons|office\s+for\s+national\s+statistics"
    r"|dfe|department\s+for\s+education)\b[^.;]{0,60}?\b(?:show|shows|showed|suggest|suggests"
    r"|reveal|reveals|revealed|indicate|indicates)\b"
    r"|^\W*(?:of\s+(?:the|these|those)\s+(?:\d+\s+)?(?:plans|councils|authorities)[\w\s]{0,30},\s+)?"
    r"(?:\d+|all|most|many|half|a\s+third|two-thirds|a\s+quarter)\s+(?:of\s+(?:them|those|these)"
    r"\s+|councils\s+|plans\s+|authorities\s+)?(?:call|calls|ask|asks|complain|complains|cite"
    r"|cites|mention|mentions|raise|raises|want|wants|point\s+to|highlight|highlights)\b",
    re.IGNORECASE,
)


def reports_a_national_view(sentence: str) -> bool:
    """Whether a sentence reports a national body's view (or another's view or figures, see
    ``_OTHERS_REPORTED``) without speaking for the council."""
    return bool(
        _NATIONAL_VIEW.search(sentence)
        or _NATIONAL_SPEAKER.search(sentence)
        or _OTHERS_REPORTED.search(sentence)
    ) and not _OUR_VOICE.search(sentence)


_OPENS_QUOTATION = re.compile(r"^\s*[“\"‘]")


def opens_a_quotation_of_others(sentence: str) -> bool:
    """Whether a sentence opens a quotation that does not speak for the council: after a
    sentence reporting a commentator's view ("X, a consultant, said the plan was typical.
    “Almost every plan I have read says the formula is out of date.”") it is still theirs
    (round 40); "“We cannot plan,” said the leader" speaks for the council."""
    return bool(_OPENS_QUOTATION.search(sentence)) and not _OUR_VOICE.search(sentence)


# A paper saying the plan has no measures ("The plan does not set out specific productivity
# measures") speaks of measuring only to say there is none.
_NO_MEASURES = vocabulary(
    # told of the plan to come too: "the plan will not contain a section on how we measure"
    # (round 36)
    r"\b(?:does|do|did|will|would) not (?:\w+ ){0,3}?(?:set out|describe|include|contain|define"
    r"|say|specify|propose|have|identify|give|measure|track|assess|use|apply|hold)\b[^.;]{0,60}"
    r"\b(?:measur\w*|metrics?"
    r"|indicators?|targets?|kpis?|productivity)"
    # "We have not yet settled on a measure", "have not tried to put a single number on it"
    r"|\b(?:have|has|had) not (?:yet )?(?:settled on|agreed|chosen|adopted|defined|found|decided"
    r"|determined|identified|established|tried to|developed|created|built|designed|set up)\b"
    r"[^.;]{0,60}\b(?:measur\w*|metrics?"
    r"|indicators?|numbers?|productivity)"
    # "productivity cannot be captured by a single number", "metrics alone cannot capture the
    # value of prevention": that it cannot be measured
    r"|\b(?:cannot|can ?not|can't|could not) (?:\w+ )?(?:be (?:captured|measured|reduced"
    r"|summed up|expressed|boiled down)|capture|measure|reflect)\b"
    # measures still to be worked out: "we will explore what such a measure could look like",
    # "a set of measures would be developed", "a commitment to develop a measure" (measures
    # that "would be used to measure productivity" are a way of measuring, told ahead)
    r"|\b(?:will|would|shall|to|plan to|intend to|aim to)\s+(?:\w+\s+){0,3}?(?:develop|explore"
    r"|consider|investigate|design|devise|work out)\b[^.;]{0,80}\b(?:measur\w*|metrics?"
    # a cost-to-serve model still to be built too (round 39: the model the council has counts)
    r"|indicators?|kpis?|performance (?:framework|management)|cost[- ]to[- ]serve)"
    r"|\b(?:measures?|metrics?|indicators?|kpis?|performance (?:framework|management))\b[^.;]{0,40}"
    r"\b(?:(?:would|will|to) be|(?:is|are|was|were) (?:still )?being) (?:developed|explored"
    r"|considered|designed|devised|worked out)\b"
    # that the plan is thin on it: "members asked why the plan said so little about measuring"
    r"|\b(?:says?|said|sets?\s+out|has|had|contains?|contained)\s+(?:so\s+|very\s+|too\s+)?"
    r"(?:little|nothing)\s+(?:about|on|of)\s+(?:how\s+)?(?:\w+\s+){0,3}?(?:measur\w*|metrics?"
    r"|indicators?|targets?|kpis?|track\w*|monitor\w*|results)"
    # a recommendation that measures be added: "that a short set of productivity measures be
    # added before submission"
    r"|\bthat\s+(?:[\w,-]+\s+){0,6}?(?:measures?|metrics?|indicators?|kpis?)\b[^.;]{0,60}?"
    r"\bbe\s+(?:added|included|developed|introduced|set\s+out|agreed|drawn\s+up)\b"
    # measures still to be settled: "we intend to agree productivity indicators with members",
    # "we will choose a small set of measures next year"
    r"|\b(?:will|shall|plan\s+to|intend\s+to|aim\s+to|expect\s+to|hope\s+to|are\s+going\s+to)\s+"
    r"(?:then\s+|also\s+|now\s+|first\s+|jointly\s+)?(?:agree|settle\s+on|decide\s+on|choose|select"
    r"|define|identify|draw\s+up|finalise|finalize)\s+(?:(?:a|an|the|our|some|its|which|what)\s+)?"
    r"(?:[\w-]+\s+){0,5}?(?:measures?|metrics?|indicators?|kpis?)\b"
    # which existing indicators might serve still to be chosen: "we will consider which of our
    # service indicators, if any, could show productivity" (round 25)
    r"|\b(?:will|would|shall|to|plan\s+to|intend\s+to|aim\s+to)\s+(?:\w+\s+){0,2}?(?:consider"
    r"|explore|decide|review|assess|look\s+at|work\s+out|identify)\b[^.;]{0,40}?\bwhich\s+(?:of\s+"
    r"(?:them|these|those|the(?:se)?\s+\w+|our\s+(?:[\w-]+\s+){0,2}?(?:indicators|measures|kpis"
    r"|metrics))|(?:[\w-]+\s+){0,2}?(?:indicators|measures|kpis|metrics))\b"
    # a decision not to have one: "we have chosen not to set a single efficiency measure"
    r"|\b(?:decided|decide|chose|chosen|choose|opted|elected|agreed)\s+not\s+to\s+(?:adopt|use|set"
    r"|introduce|develop|have|create|publish|rely\s+on|pursue)\b[^.;]{0,60}\b(?:measur\w*|metrics?"
    r"|indicators?|kpis?|targets?|benchmark\w*)"
    # measuring wished for and not yet begun: "we intend to sign up to a regional benchmarking
    # network", or waiting on measures to exist or be agreed: "… once definitions have been agreed
    # with services", "when one becomes available" (round 24)
    r"|\b(?:intend|intends|intending|plan|plans|planning|aim|aims|hope|hopes|would\s+like|wish"
    r"|(?:are|is)\s+keen|(?:are|is)\s+considering)\s+(?:to\s+)?(?:join|joining|sign\s+up"
    r"|signing\s+up|take\s+part|taking\s+part|participat\w+|becom\w+\s+(?:a\s+)?members?)\b"
    r"[^.;]{0,80}\b(?:benchmark\w*|measur\w*|metrics?|indicators?|kpis?|comparisons?)"
    r"|\b(?:measur\w*|metrics?|indicators?|kpis?|benchmark\w*)\b[^.;]{0,100}\b(?:once|when|until"
    r"|as\s+soon\s+as)\s+(?:we|they|the\s+council|officers|services|one|it|such\s+\w+|definitions"
    r"|these|those)\s+(?:[\w-]+\s+){0,3}?(?:agreed|defined|developed|settled|set\s+up|established"
    r"|created|available|in\s+place|launched|exists?|published|issued|released|finalised|finalized)\b"
    # measures to be worked out with others: "we will work with the LGA and our neighbours on
    # common productivity indicators"
    r"|\b(?:will|would|shall|plan\s+to|intend\s+to|aim\s+to|are\s+keen\s+to|want\s+to|hope\s+to)"
    r"\s+(?:continue\s+to\s+)?(?:work|engage|collaborate|partner)\s+(?:closely\s+)?with\b[^.;]{0,80}"
    r"\b(?:on|to\s+(?:develop|agree|define|design|shape)|in\s+(?:developing|agreeing|defining"
    r"|designing|shaping))\s+(?:[\w-]+\s+){0,5}?(?:measur\w*|metrics?|indicators?|kpis?)"
    # "this would be picked up in the next version of the performance framework"
    r"|\b(?:would|will) be (?:picked up|addressed|covered|included|considered|looked at)\b"
    r"[^.;]{0,60}\b(?:next|future|new)\b[^.;]{0,40}\b(?:performance (?:framework|management)"
    r"|measur\w*|metrics?|indicators?)"
    # a view of what the plan or report should say: "the plan ought to explain more clearly how
    # the Council measures productivity, a councillor said" (round 29)
    r"|\b(?:plans?|document|report|paper|submission|draft|it|future\s+versions?|the\s+next"
    r"\s+version)\s+(?:(?:should|must|ought\s+to|needs?\s+to|needed\s+to|had\s+to|could|would"
    r"\s+need\s+to)\s+(?:also\s+)?(?:say|set\s+out|explain|show|describe|include|tell|spell"
    r"\s+out|be\s+clearer|go\s+further)"
    # the same told of the plan as it stands: "the plan should have explained more clearly how
    # productivity would be measured" (round 31)
    r"|(?:should|could|ought\s+to|might)\s+have\s+(?:said|set\s+out|explained|shown|described"
    r"|included|told|spelt\s+out|spelled\s+out|been\s+clearer|gone\s+further|given))\b"
    r"[^.;]{0,60}\bmeasur\w*"
    # asked for: "members asked that future versions set out how productivity would be measured"
    r"|\b(?:asked|requested|called for|urged|recommended|suggested)\b[^.;]{0,60}\b(?:set out"
    r"|say|show|explain|include|develop)\b[^.;]{0,40}\bmeasur\w*"
    # an instruction restated from the letter: "(c) state how the Council will measure …"
    r"|^\W*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:state|explain|set out|describe|say|show|outline)\s+how\b"
    # others' measures wished for: "We would welcome a consistent national set of measures"
    r"|\bwelcome\w*\b[^.;]{0,40}\b(?:national|consistent|common|standard|sector[- ]wide|single)\b"
    r"[^.;]{0,30}\b(?:measures?|metrics?|indicators?|framework)"
    # others' ways of measuring still being studied: "we are looking at how neighbouring
    # authorities track productivity and will bring proposals back" (round 26)
    r"|\b(?:reviewing|looking\s+at|studying|researching|exploring|examining|investigating"
    r"|learning\s+from|will\s+(?:review|look\s+at|study|research|explore|examine))\s+(?:\w+\s+)?"
    r"(?:how|what|the\s+ways?)\s+(?:other|similar|neighbouring|comparable|peer|leading|some)"
    r"\s+(?:\w+\s+)?(?:councils|authorities|organisations|boroughs|districts)\b[^.;]{0,30}"
    r"\b(?:measur\w*|track\w*|assess\w*|benchmark\w*|metrics?|indicators?|kpis?)"
    # ways of measuring or comparing still to be looked at: "we will explore options for
    # benchmarking with neighbouring districts", "we intend to look at benchmarking
    # opportunities" (round 28)
    r"|\b(?:will|would|shall|to|plan\s+to|intend\s+to|aim\s+to|are\s+going\s+to)\s+(?:\w+\s+){0,2}?"
    r"(?:look\s+(?:at|into)|explore|consider|investigate|scope(?:\s+out)?|examine|review)\s+"
    r"(?:the\s+|any\s+|possible\s+|potential\s+)?(?:(?:options|opportunities|possibilities"
    r"|scope)\s+(?:for|of)\s+(?:\w+\s+)?(?:benchmark\w*|measur\w*|comparisons?|metrics?"
    r"|indicators?)|(?:[\w-]+\s+)?(?:benchmarking|measurement|comparison|performance\s+measurement)"
    r"\s+(?:options|opportunities|possibilities|partners|clubs|groups|arrangements))\b"
    # the question restated: "Theme 1 also asks how we measure productivity"
    r"|\basks?\s+(?:us\s+)?how\s+(?:we|councils?|the council)\s+(?:\w+\s+)?measur"
    # that measuring is hard: "where the outputs are often hard to count"
    r"|\b(?:hard|difficult|impossible|challenging)\s+to\s+(?:count|measure|quantify|capture)\b"
    r"|\bmeasuring\s+(?:productivity|performance|value|outcomes)\b[^.;]{0,40}\b(?:is|are)\s+(?:\w+\s+)?"
    r"(?:difficult|hard|complex|challenging)\b",
)
# Measures put off, a second vocabulary beside ``_NO_MEASURES`` (one pattern with these in ran
# out of RE2's DFA memory and fell back to a slower matcher).
_MEASURES_PUT_OFF = vocabulary(
    # indicators promised for a later meeting: "officers said measures would be brought back to
    # a future meeting of the committee" (round 32)
    r"\b(?:measures?|metrics?|indicators?|kpis?)\b[^.;]{0,40}\b(?:would|will|are\s+to|is\s+to"
    r"|to)\s+be\s+(?:brought|reported|presented|submitted|taken)\s+(?:back\s+)?(?:to\s+)?(?:a|the)"
    r"\s+(?:future|later|subsequent|forthcoming)\s+(?:meeting|committee|cabinet|panel|board)\b"
    # an intention to measure or benchmark more, nothing said of what or against what: "we plan to
    # compare our services more widely in future" (round 32); "we aim to track cost per case more
    # closely" names what, and stays
    r"|\b(?:intend|intends|plan|plans|aim|aims|hope|hopes|want|wants|would\s+like|wish|wishes)"
    r"\s+to\s+(?:start\s+(?:to\s+)?|begin\s+(?:to\s+)?)?(?:benchmark|measure|compare|track"
    r"|monitor|assess)(?:ing)?\s+(?:(?:our|its|the|the\s+council.s|all|these|those|each|every)"
    r"\s+)?(?:[\w-]+\s+)?(?:more\s+(?:\w+ly|closely|often|widely)|better|in\s+(?:the\s+)?future"
    r"|from\s+next\s+year)\b"
    # measures, a dashboard or a framework the council is still building: "we are currently
    # designing a set of service productivity indicators", "a performance scorecard is being
    # built", "an approach to measuring value for money, which officers are drafting" (round 33);
    # what the coming measure is based on counts (``_MEASURE_TO_COME``)
    r"|\b(?:we|officers|the\s+council|staff|services|it|they|teams?)\s+(?:are|is)\s+(?:currently\s+"
    r"|now\s+|still\s+|also\s+|jointly\s+)?(?:developing|designing|drafting|building|creating"
    # working on it with others: "we are working with the County Councils Network on a way of
    # measuring productivity" (round 39)
    r"|devising|preparing|working\s+(?:(?:with|alongside)\s+[^.;]{0,60}?\s+)?on)\b[^.;]{0,80}?"
    r"\b(?:measur\w*|metrics?|indicators?|kpis?"
    r"|dashboards?|scorecards?|(?:productivity|performance|efficiency|outcomes?|value\s+for\s+money)"
    r"\s+frameworks?)"
    r"|\b(?:measur\w*|metrics?|indicators?|kpis?|dashboards?|scorecards?|frameworks?)\b[^.;]{0,80}?"
    r"\b(?:which|that)\s+(?:\w+\s+){0,2}?(?:are|is)\s+(?:currently\s+|now\s+|still\s+)?(?:developing"
    r"|designing|drafting|building|preparing|working\s+on)\b"
    r"|\b(?:dashboards?|scorecards?|(?:productivity|performance|efficiency|value\s+for\s+money)\s+"
    r"frameworks?)\b[^.;]{0,40}\b(?:(?:would|will|to)\s+be|(?:is|are|was|were)\s+(?:still\s+)?being)"
    r"\s+(?:developed|designed|built|created|devised|drafted|worked\s+out)\b"
    # how the council might measure still being considered: "officers are exploring how the
    # authority could best measure productivity across its services" (round 37)
    r"|\b(?:are|is|were|was)\s+(?:currently\s+|now\s+|still\s+|also\s+)?(?:considering|exploring"
    r"|looking\s+at|reviewing|examining|investigating|working\s+out|thinking\s+about|discussing)\s+"
    r"(?:how|whether|what\s+ways?)\s+(?:we|the\s+council|the\s+authority|it|they|councils?"
    r"|services)\s+(?:might|could|should|would|can|may|will|best)\s+(?:best\s+)?(?:measure|track"
    r"|assess|monitor|benchmark)\b"
    # a dashboard or measures the council will bring in once something else is live or in place:
    # "we will introduce a productivity dashboard when the new data platform is live" (round 34)
    r"|\b(?:will|shall|to|plan\s+to|intend\s+to|aim\s+to|are\s+going\s+to|expect\s+to)\s+(?:\w+\s+)?"
    r"(?:introduce|launch|create|build|set\s+up|develop|add|roll\s+out|put\s+in\s+place|produce"
    r"|publish|start|bring\s+in)\b[^.;]{0,60}?\b(?:measur\w*|metrics?|indicators?|kpis?|dashboards?"
    r"|scorecards?|benchmark\w*)\b[^.;]{0,60}?\b(?:once|when|until|as\s+soon\s+as|after)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:is|are|has\s+been|have\s+been|becomes?|goes|go)\s+(?:fully\s+)?(?:live"
    r"|in\s+place|ready|available|implemented|installed|operational|rolled\s+out|up\s+and\s+running"
    r"|launched|complete|completed|in\s+use|bedded\s+in)\b"
    # that no measure of its own exists yet: "no separate productivity measure had yet been
    # developed", "no specific efficiency indicators have been agreed so far" (round 36)
    r"|\bno\s+(?:separate\s+|specific\s+|dedicated\s+|distinct\s+|single\s+|formal\s+|new\s+)?"
    r"(?:(?:productivity|efficiency|value\s+for\s+money|performance)\s+)?(?:measures?|metrics?"
    r"|indicators?|kpis?)\s+(?:of\s+(?:productivity|efficiency)\s+)?(?:has|have|had|is|are|was"
    r"|were)\s+(?:yet\s+|so\s+far\s+|as\s+yet\s+)?(?:been\s+)?(?:yet\s+)?(?:developed|agreed"
    r"|defined|adopted|set|designed|devised|identified|established|put\s+in\s+place|in\s+place)\b"
    # benchmarking wished for later, nothing said of what: "we will benchmark ourselves against
    # other councils in future" (round 36); "we benchmark cost per case against …" stays
    r"|\b(?:will|shall|would|intend\s+to|plan\s+to|aim\s+to|hope\s+to)\s+(?:start\s+(?:to\s+)?"
    r"|begin\s+(?:to\s+)?)?(?:benchmark|compare)\s+(?:ourselves|itself|(?:our|its|the\s+council.s)"
    r"\s+(?:own\s+)?(?:services|costs|performance|productivity))\s+(?:against|with)\s+(?:other"
    r"|similar|comparable|peer|neighbouring)\s+(?:\w+\s+)?(?:councils|authorities|districts"
    r"|boroughs|counties)\s+(?:more\s+(?:often|widely|closely)\s+)?(?:in\s+(?:the\s+)?future"
    r"|in\s+due\s+course|at\s+a\s+later\s+(?:date|stage)|from\s+next\s+year|later)\b",
)
# That there is no (agreed) measure of productivity at all: "we share the view that there is no
# accepted measure of productivity for councils" (round 33). A council that says so and goes on
# to name its own ("…, so we use four: cost per resident, …") measures by those.
_NONE_AGREED = re.compile(
    r"\b(?:there\s+is|there.s|there\s+being|is)\s+no\s+(?:single\s+|one\s+|simple\s+)?(?:[\w-]+\s+)"
    r"{0,2}?(?:measures?|metrics?|definitions?|indicators?)\s+(?:of|for)\s+(?:\w+\s+)?(?:productivity"
    r"|efficiency)\b",
    re.IGNORECASE,
)


# A measure to come with its content: "we do not yet have a single measure …, but we will
# introduce one in 2025/26 based on the cost of delivering each of our top twenty transactions".
_MEASURE_TO_COME = vocabulary(
    r"\b(?:will|shall|are\s+going\s+to)\s+(?:introduce|adopt|use|start\s+using|publish|put\s+in\s+place)"
    r"\s+(?:one|it|an?\s+(?:[\w-]+\s+){0,2}?(?:measures?|index|indicators?)|measures?)\b[^.;]{0,60}"
    r"\bbased\s+on\b"
    # the same told of measures being developed: "we are developing, with our neighbours, a set
    # of measures based on the cost per resident of each service"
    r"|\b(?:measures?|metrics?|indicators?|index)\s+based\s+on\b"
)


# Measures pointed to or put to a committee, a third vocabulary beside ``_NO_MEASURES`` (kept
# apart for RE2's DFA memory, as ``_MEASURES_PUT_OFF`` is):
_MEASURES_ELSEWHERE = vocabulary(
    # a pointer to where the plan says how it measures ("Section 2 of this plan describes how we
    # measure productivity", round 35): the section answers, not the pointer
    r"^\W*(?:section|part|chapter|paragraph|annex|appendix)\s+[\w.]+\s+(?:of\s+(?:this|the"
    r"|our)\s+(?:\w+\s+)?(?:plan|report|document)\s+)?(?:describes|sets\s+out|explains|shows"
    r"|covers|details|outlines)\s+how\s+(?:we|the\s+council|it)\s+(?:will\s+)?(?:measure|track"
    r"|monitor|assess)"
    # a review of the measures a committee is asked to consider ("considers whether it wishes to
    # add a review of the council's productivity measures to its work programme", round 35)
    r"|\b(?:consider\w*|whether)\b[^.;]{0,60}\b(?:a\s+)?(?:review|scrutiny|examination)\s+of"
    r"\s+(?:the\s+council.s\s+|our\s+|its\s+|the\s+)?(?:\w+\s+)?(?:measures|metrics|indicators"
    r"|kpis)\b"
    # options for a dashboard or scorecard still to be explored ("we will explore options for a
    # productivity dashboard", round 35); one to be developed that says what it will show still
    # counts (round 19)
    r"|\b(?:explor|consider|investigat|look\w*\s+at|scop)\w*\s+(?:the\s+)?(?:options?|possibilit\w+"
    r"|feasibility|merits?|case)\s+(?:for|of)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:dashboards?"
    r"|scorecards?)\b"
    # that the plan holds indicators, reported without saying what they are: "the Executive
    # Member confirmed that the plan set out the indicators by which the Council would track
    # productivity", "officers said the plan would include measures, which would be reported"
    # (round 36); "the plan sets out indicators of cost per case" says what, and stays
    r"|\b(?:the|this|our|its)\s+(?:draft\s+|final\s+)?(?:plan|report|document|submission"
    r"|strategy)\s+(?:would\s+|will\s+|did\s+|does\s+)?(?:also\s+)?(?:(?:set|sets|setting)\s+out"
    r"|includes?|included|contains?|contained|lists?|listed|identif(?:y|ies|ied))\s+(?:the\s+"
    r"|its\s+|some\s+|a\s+(?:small\s+)?(?:set|number|range|suite)\s+of\s+)?(?:[\w-]+\s+)?"
    r"(?:indicators|measures|metrics|kpis|key\s+performance\s+indicators)(?:\s*(?:[.;]|$)|\s+(?:by"
    r"|with|through|against)\s+which\b|,?\s+(?:which|that)\s+(?:would|will)\s+be\s+(?:reported"
    r"|included|used|monitored|presented|published)\b|,?\s+and\s+(?:that\s+)?(?:these|they"
    r"|those)\b)"
)


def says_it_has_no_measures(sentence: str) -> bool:
    """Whether a sentence says the council or its plan has no measures (yet), and not what its
    measure to come will be based on."""
    if _MEASURE_TO_COME.search(sentence) is not None:
        return False
    if any(
        v.search(sentence) is not None
        for v in (_NO_MEASURES, _MEASURES_PUT_OFF, _MEASURES_ELSEWHERE)
    ):
        return True
    return _no_agreed_measure(sentence)


def _no_agreed_measure(sentence: str) -> bool:
    """That there is no agreed measure of productivity, and no measure of the council's own
    named after it in the sentence (``_NONE_AGREED``)."""
    found = _NONE_AGREED.search(sentence)
    if found is None:
        return False
    rest = sentence[found.end() :]
    return not (
        measurement_cue(rest) or measuring_a_quantity(rest) or _SEVERAL_OF_OURS.search(rest)
    )


# The council's own several measures, named after saying there is no single one: "…, so we look
# at several", "so we use a basket of indicators instead".
_SEVERAL_OF_OURS = re.compile(
    r"\b(?:we|the\s+council|it)\s+(?:\w+\s+)?(?:use|uses|look\s+at|looks\s+at|rely\s+on|relies\s+on"
    r"|track|tracks|combine|combines|draw\s+on|draws\s+on|consider|considers|watch|watches)\s+"
    r"(?:several|many|various|multiple|a\s+few|a\s+(?:basket|range|set|mix|number|suite|family)\b"
    r"|(?:\w+\s+)?(?:measures|indicators|metrics|kpis))",
    re.IGNORECASE,
)


# The council only reacting to others' measures: "We welcome the government's intention to
# develop better measures", "Oflog has published metrics, which we are considering".
_REACTING = vocabulary(
    r"\b(?:we|the council|this council)\s+(?:\w+\s+)?(?:welcomes?|supports?|notes?"
    r"|(?:are|is)\s+(?:now\s+)?(?:considering|reviewing|studying)|will\s+(?:consider|review)"
    r"|looks?\s+forward)\b",
)


# A question reported in minutes ("Members asked whether the measures of productivity would be
# reported to the Committee", round 23) only asks about measuring, as a question does: its words
# are read without it. The answer that follows stays ("…, and officers confirmed that unit costs
# are benchmarked against nearest neighbours").
_REPORTED_QUESTION = re.compile(
    # asked by a member, or an item of minutes that starts with the question ("asked how …");
    # not a survey's question ("residents are asked whether …", "we asked tenants how …")
    r"(?:^\W*|\b(?:councillors?|cllrs?\.?|members?|the\s+chair(?:man|woman|person)?|the\s+committee"
    r"|he|she|they|the\s+leader|the\s+mayor|the\s+opposition\s+\w+)\s+(?:[A-Z][\w'’-]+\s+){0,2}"
    r"(?:also\s+|then\s+|further\s+)?)"
    r"(?:asked|queried|enquired|inquired|questioned|wondered|wanted\s+to\s+know"
    r"|sought\s+(?:clarification|assurance|confirmation)(?:\s+(?:on|about|as\s+to|that))?)\s+"
    r"(?:\w+\s+){0,3}?(?:whether|if|how|what|why|when|which)\b"
    r"[^.;?]*?(?=[.;?]|$|,?\s+(?:and|to\s+which|but)\s+(?:the\s+)?(?:officers?|directors?|the\s+\w+"
    r"|chief\s+\w+|head\s+of\s+\w+|it|he|she|they|members?)\s+(?:was\s+|were\s+)?(?:said|told"
    r"|explained|confirmed|replied|responded|advised|answered|noted|stated))",
    re.IGNORECASE,
)


def without_reported_questions(sentence: str) -> str:
    """The sentence without the questions it reports (see ``_REPORTED_QUESTION``)."""
    return _REPORTED_QUESTION.sub(" ", sentence)


def about_others_measuring(sentence: str) -> bool:
    """Whether a sentence speaks of someone else's measuring rather than the council's, the
    council at most reacting to it."""
    return bool(_OTHERS.search(sentence)) and not _OUR_VOICE.search(_REACTING.sub(" ", sentence))


# A report's name as a title: an agenda item "Quarter 3 Performance Monitoring Report" in
# minutes is an item of business, not the council saying how it measures; its other words
# still count ("Performance reports and benchmarking").
_REPORT_NAME = vocabulary(
    r"\b(?:kpi|performance|monitoring|management|progress)\s+(?:(?:management|monitoring"
    r"|and\s+(?:finance|financial|risk))\s+)?reports?\b"
)


def measurement_title(title: str) -> bool:
    """Whether a section title is about measuring (see ``_MEASUREMENT_TITLE``), a report's
    name aside (``_REPORT_NAME``)."""
    return bool(_MEASUREMENT_TITLE.search(_REPORT_NAME.sub(" ", title)))


def evidence_cue(text: str) -> bool:
    """Whether ``text`` speaks of evidence of any kind (see ``_EVIDENCE``)."""
    return bool(_EVIDENCE.search(_without_reporting(text)))


BARRIER_CUE = re.compile(
    r"\b(?:barriers?|challeng\w+|stifl\w+|constrain\w*|prevent\w*|hinder\w*|obstacles?|"
    r"underfund\w*|difficult\w*|pressures?|unlock|restrict\w*|burdens?)\b",
    re.IGNORECASE,
)
ACTION_CUE = re.compile(
    r"\b(?:we (?:have|will|are|had)|introduced|launched|implemented|set up|established|"
    r"moved|created|redesigned|overhauled|delivered|invest\w*|review\w*|will (?:be )?\w+ed)\b",
    re.IGNORECASE,
)


class Prototypes:
    """Embedded framework texts: heading texts, question texts, exemplars, barrier phrases."""

    def __init__(self, framework: Framework, embedder: Embedder) -> None:
        self.framework = framework
        self.heading_ids = [h.id for h in framework.headings]
        self.question_ids = [q.id for q in framework.questions]
        statements = [h.text for h in framework.headings] + [q.text for q in framework.questions]
        self.statements = embedder.encode(statements)
        self.heading_protos = np.stack(
            [
                _centroid(embedder.encode([h.text, h.title, *h.exemplars]))
                for h in framework.headings
            ]
        )
        self.question_protos = np.stack(
            [_centroid(embedder.encode([q.text, *q.exemplars])) for q in framework.questions]
        )
        self.barrier_phrases: list[tuple[str, str]] = []
        for b in framework.barriers:
            if not b.exemplars:
                continue  # no phrases: only the supervised model or a human can code it
            for phrase in (b.label, *b.exemplars):
                self.barrier_phrases.append((b.id, phrase))
        self.barrier_matrix = embedder.encode([p for _, p in self.barrier_phrases])

    def similarity_features(self, emb: Matrix) -> Matrix:
        """Per passage: max similarity to a heading/question statement (restatement signal) and
        similarity to each heading prototype."""
        restate = (emb @ self.statements.T).max(axis=1, keepdims=True) if len(emb) else emb[:, :1]
        heads = emb @ self.heading_protos.T
        out: Matrix = np.hstack([restate, heads]).astype(np.float32)
        return out


def _centroid(vectors: Matrix) -> Matrix:
    c = vectors.mean(axis=0)
    n = float(np.linalg.norm(c)) or 1.0
    out: Matrix = (c / n).astype(np.float32)
    return out


def passage_inputs(passages: Sequence[Passage]) -> tuple[list[str], list[str]]:
    texts = [p.text for p in passages]
    contexts = [p.heading or "" for p in passages]
    return texts, contexts
