<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl">
<context>
    <name>ImportScores</name>
    <message>
        <location filename="../algorithms/importscores.py" line="25" />
        <source>Import Leefbaarometer scores</source>
        <translation>Leefbaarometer-scores importeren</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="28" />
        <source>Reads Leefbaarometer 3.0 scores as published (grid, buurt, wijk or gemeente CSV with comma or semicolon, decimal point or comma, UTF-8 or Windows-1252; the official GeoPackages or WFS layers; or any layer with those fields) and writes one feature per area: code, naam, gemeente, the latest year's jaar, lbm, afw, the five dimensions and klasse (1..9), and the same per year (afw_2016, klasse_2016, ...).

Classes are computed on afw with the cut points of the Leefbaarometer release (2024 by default; override them under Advanced). Where the input carries official classes (kscore), disagreements are reported.

Geometry: grid cells get their exact 100 m square from grid_id; buurten, wijken and gemeenten take their polygons from the optional geometry layer (matched on code; unmatched codes are reported). Output in EPSG:28992 (RD New).

NL: Leest Leefbaarometer-scores in zoals gepubliceerd en schrijft per gebied alle jaren naast elkaar.</source>
        <translation>Leest Leefbaarometer 3.0-scores zoals gepubliceerd (CSV per grid, buurt, wijk of gemeente, met komma of puntkomma, decimale punt of komma, UTF-8 of Windows-1252; de officiële GeoPackages of WFS-lagen; of elke laag met die velden) en schrijft één object per gebied: code, naam, gemeente, jaar van de laatste meting, lbm, afw, de vijf dimensies en klasse (1..9), en hetzelfde per jaar (afw_2016, klasse_2016, ...).

Klassen worden berekend op afw met de klassegrenzen van de Leefbaarometer-editie (standaard 2024; aan te passen onder Geavanceerd). Bevat de invoer officiële klassen (kscore), dan worden verschillen gemeld.

Geometrie: gridcellen krijgen hun exacte vierkant van 100 m uit grid_id; buurten, wijken en gemeenten krijgen hun vlakken uit de optionele geometrielaag (gekoppeld op code; niet gekoppelde codes worden gemeld). Uitvoer in EPSG:28992 (RD New).</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="44" />
        <source>Leefbaarometer scores (CSV, GeoPackage or layer)</source>
        <translation>Leefbaarometer-scores (CSV, GeoPackage of laag)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="49" />
        <source>Geometry (buurt/wijk/gemeente polygons or grid cells; optional for grid scores)</source>
        <translation>Geometrie (vlakken van buurten/wijken/gemeenten of gridcellen; optioneel bij gridscores)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="57" />
        <source>Code field of the geometry layer (detected when empty)</source>
        <translation>Codeveld van de geometrielaag (automatisch als leeg)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="66" />
        <source>Leefbaarometer scores</source>
        <translation>Leefbaarometer-scores</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="75" />
        <source>{} areas at level {}, years {}</source>
        <translation>{} gebieden op niveau {}, jaren {}</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="102" />
        <source>{} official classes differ from the computed ones, e.g. {}</source>
        <translation>{} officiële klassen wijken af van de berekende, bijvoorbeeld {}</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="119" />
        <source>No geometry layer given: the output is a table without geometry.</source>
        <translation>Geen geometrielaag opgegeven: de uitvoer is een tabel zonder geometrie.</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="131" />
        <source>Geometry layer {}: no code field found; choose one under 'Code field'.</source>
        <translation>Geometrielaag {}: geen codeveld gevonden; kies er een bij 'Codeveld'.</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="140" />
        <source>{} of {} areas have no geometry in {} (field {}), e.g. {}</source>
        <translation>{} van {} gebieden hebben geen geometrie in {} (veld {}), bijvoorbeeld {}</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="147" />
        <source>{} polygons in {} have no scores, e.g. {}</source>
        <translation>{} vlakken in {} hebben geen scores, bijvoorbeeld {}</translation>
    </message>
</context>
<context>
    <name>VroegsignaleringAlgorithm</name>
    <message>
        <location filename="../algorithms/base.py" line="39" />
        <source>1 Data</source>
        <translation>1 Gegevens</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="40" />
        <source>2 Risk mechanisms</source>
        <translation>2 Risicomechanismen</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="41" />
        <source>3 Risk profile and backtest</source>
        <translation>3 Risicoprofiel en terugtoets</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="67" />
        <source>Class cut points on afw (8 lower bounds of classes 2..9; empty = Leefbaarometer 2024)</source>
        <translation>Klassegrenzen op afw (8 ondergrenzen van klasse 2..9; leeg = Leefbaarometer 2024)</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="49" />
        <source>Reading scores from {}</source>
        <translation>Scores lezen uit {}</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="54" />
        <source>Reading scores from layer {}</source>
        <translation>Scores lezen uit laag {}</translation>
    </message>
</context>
<context>
    <name>VroegsignaleringDock</name>
    <message>
        <location filename="../ui/dock.py" line="13" />
        <source>Vroegsignalering leefbaarheid</source>
        <translation>Vroegsignalering leefbaarheid</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="18" />
        <source>Early warning of liveability decline. Import Leefbaarometer scores and run the risk mechanisms from the Processing toolbox (group 'Vroegsignalering leefbaarheid').</source>
        <translation>Vroegsignalering van leefbaarheidsachteruitgang. Importeer Leefbaarometer-scores en draai de risicomechanismen vanuit de Processing-gereedschapskist (groep 'Vroegsignalering leefbaarheid').</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="27" />
        <source>Open the Processing toolbox</source>
        <translation>Open de Processing-gereedschapskist</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="43" />
        <source>The Processing toolbox is not available.</source>
        <translation>De Processing-gereedschapskist is niet beschikbaar.</translation>
    </message>
</context>
<context>
    <name>VroegsignaleringPlugin</name>
    <message>
        <location filename="../plugin.py" line="30" />
        <source>&amp;Vroegsignalering leefbaarheid</source>
        <translation>&amp;Vroegsignalering leefbaarheid</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="43" />
        <source>Vroegsignalering leefbaarheid</source>
        <translation>Vroegsignalering leefbaarheid</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="46" />
        <source>Show the early-warning panel</source>
        <translation>Toon het vroegsignaleringspaneel</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="49" />
        <source>Vroegsignalering</source>
        <translation>Vroegsignalering</translation>
    </message>
</context>
<context>
    <name>VroegsignaleringProvider</name>
    <message>
        <location filename="../algorithms/provider.py" line="16" />
        <source>Vroegsignalering leefbaarheid</source>
        <translation>Vroegsignalering leefbaarheid</translation>
    </message>
</context>
</TS>