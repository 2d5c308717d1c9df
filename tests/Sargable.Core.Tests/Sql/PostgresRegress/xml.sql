-- Written for Sargable in the style of PostgreSQL's src/test/regress/sql/xml.sql (not copied from it): each SQL/XML
-- form of PostgreSQL 15's grammar, as applications write them. Every statement is accepted by PostgreSQL 15's parser.

SELECT xmlconcat('<release/>', '<tag>v1.2</tag>');

SELECT xmlconcat(r.notes, NULL, xmlcomment('generated')) FROM releases r WHERE r.id = 7;

SELECT xmlelement(name release);

SELECT xmlelement(NAME "Release-Note", xmlattributes(r.id AS "id", r.version), r.title, r.notes) FROM releases r;

SELECT xmlelement(name entry, xmlattributes('beta' AS channel, current_date AS published));

SELECT xmlelement(name list, xmlagg(xmlelement(name item, r.title) ORDER BY r.id)) FROM releases r;

SELECT xmlelement(name wrapper, xmlelement(name inner, xmlattributes(1 + 2 AS "sum")), 'tail text');

SELECT xmlforest(r.title, r.version AS "version-label", r.created_at AS created) FROM releases r;

SELECT xmlforest('constant' AS a, 42 AS b);

SELECT xmlparse(document '<release><tag>v1</tag></release>');

SELECT xmlparse(content '  <tag>v1</tag> trailing text ' preserve whitespace);

SELECT xmlparse(CONTENT r.raw STRIP WHITESPACE) FROM release_imports r;

SELECT xmlpi(name php);

SELECT xmlpi(name "xml-stylesheet", 'href="style.xsl" type="text/xsl"');

SELECT xmlroot(xmlparse(document '<r/>'), version '1.0', standalone yes);

SELECT xmlroot(r.notes, version no value, standalone no value) FROM releases r;

SELECT xmlroot('<r/>'::xml, VERSION '1.1', STANDALONE NO);

SELECT xmlserialize(document r.notes AS text) FROM releases r WHERE r.notes IS DOCUMENT;

SELECT xmlserialize(content xmlelement(name a, 'b') AS character varying(200));

SELECT r.id FROM releases r WHERE r.notes IS NOT DOCUMENT OR r.notes IS NULL;

SELECT r.id FROM releases r WHERE xmlexists('//tag[text() = "stable"]' PASSING BY REF r.notes);

SELECT r.id FROM releases r WHERE xmlexists('/release' PASSING r.notes BY VALUE) AND r.id > 10 ORDER BY r.id LIMIT 5;

SELECT xmlexists('//item' PASSING BY VALUE '<list><item/></list>' BY VALUE);

SELECT count(*) FROM releases r WHERE NOT xmlexists(('/release/' || 'tag') PASSING BY REF (r.notes));

SELECT x.* FROM releases r, XMLTABLE('/release/tag' PASSING r.notes COLUMNS name text PATH '.', position FOR ORDINALITY) AS x;

SELECT t.name, t.size
FROM XMLTABLE('//file' PASSING BY VALUE xmlparse(document '<files><file n="a" s="1"/></files>')
              COLUMNS name text PATH '@n' NOT NULL,
                      size integer PATH '@s' DEFAULT 0,
                      kind text DEFAULT 'plain' PATH '@k' NULL) t;

SELECT * FROM XMLTABLE(XMLNAMESPACES('http://example.com/ns' AS e, DEFAULT 'http://example.com/default'),
                       '/e:root/row' PASSING BY REF '<root xmlns:e="http://example.com/ns"/>' BY REF
                       COLUMNS id int PATH '@id', label varchar(40)) AS rows(row_id, row_label);

SELECT r.id, t.tag FROM releases r
CROSS JOIN LATERAL XMLTABLE('/release/tag' PASSING r.notes COLUMNS tag text PATH 'text()') t
WHERE t.tag LIKE 'v1%';

SELECT xmltable.* FROM releases, xmltable('/r' PASSING releases.notes COLUMNS "Mixed Case" text);

SELECT r.id, xml_is_well_formed(r.raw) FROM release_imports r WHERE xmlparse(content r.raw) IS DOCUMENT;

UPDATE releases SET notes = xmlelement(name release, xmlattributes(id AS id), title) WHERE notes IS NOT DOCUMENT;

INSERT INTO releases (id, title, notes) VALUES (99, 'draft', xmlparse(document '<release/>'));

DELETE FROM releases r WHERE xmlexists('//obsolete' PASSING BY REF r.notes);

WITH tagged AS (SELECT r.id, xmlserialize(content r.notes AS text) AS body FROM releases r)
SELECT id FROM tagged WHERE body LIKE '%<tag>%';

SELECT xmlelement, xmlforest, xmltable FROM (SELECT 1 AS xmlelement, 2 AS xmlforest, 3 AS xmltable) AS keywords_as_names;
