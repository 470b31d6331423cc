// Le catalogue français : le message, l'indication et le résumé de chaque code, du même type que
// le catalogue anglais (en.ts), donc complet ou refusé par le compilateur. Typographie française
// par le gabarit `fr` (typography.ts) : espaces insécables dans le texte du catalogue seulement,
// jamais dans les valeurs venues des fichiers ; guillemets « » pour citer.
import type { DateReason, FileNameReason, FixBlocker, FixNotes, FrontMatterShape, FsProblem, JekyllReading, NotRegularKind, NotWrittenReason, ShownValue, TypeHint, UnreadableReason, ValueChangeWhy, YamlSyntaxReason } from "../findings.js";
import type { EditRefusal } from "../findings/codes.js";
import { capText } from "../sanitize.js";
import type { Catalog, CatalogWords } from "./types.js";
import { frPhrases } from "./phrases-fr.js";
import { fr, q } from "./typography.js";
import { wholeNumber } from "./numbers.js";

let built: Catalog | undefined;

/** Le catalogue français, fait au premier usage : une exécution en anglais ne paie ni ses textes ni leur typographie (~2 ms au démarrage). */
export function frCatalog(): Catalog {
  return (built ??= buildCatalog());
}

function buildCatalog(): Catalog {
  const FIX_WITH_NORMALIZE = fr`lancez \`posting normalize --write\` pour corriger`;

  /** Pourquoi posting set / close a laissé un fichier (EDIT_REFUSED). */
  const EDIT_REASONS: Record<EditRefusal, string> = {
    encoding: fr`le fichier n'est pas en UTF-8 simple (lancez d'abord posting normalize --write)`,
    "not-mapping": fr`l'en-tête n'est pas une suite de clés`,
    "flow-mapping": fr`l'en-tête est écrit d'un bloc { … }, pas une clé par ligne`,
    "complex-key": fr`une clé est entre guillemets, indentée ou n'est pas un simple texte`,
    alias: fr`la valeur porte une ancre ou un alias YAML`,
    "multi-line": fr`la valeur s'étend sur plusieurs lignes (un bloc de texte, ou une liste avec des commentaires ou des éléments imbriqués)`,
    unsafe: fr`le texte modifié ne se relirait pas comme les données demandées`,
  };

  function fsProblem({ errno, detail }: FsProblem): string {
    switch (errno) {
      case "ENOENT":
        return fr`fichier ou dossier introuvable`;
      case "EACCES":
      case "EPERM":
        return fr`permission refusée`;
      case "EISDIR":
        return fr`c'est un dossier`;
      case "ELOOP":
        return fr`boucle de liens symboliques`;
      case "ENOSPC":
        return fr`plus de place sur le disque`;
      case "EROFS":
        return fr`système de fichiers en lecture seule`;
      case "EBUSY":
        return fr`fichier occupé`;
      default:
        // Le code de l'erreur système, pas son texte (anglais) : il se cherche tel quel.
        return errno ? fr`erreur système ${errno}` : fr`erreur système`;
    }
  }

  function unreadable(reason: UnreadableReason): string {
    switch (reason.kind) {
      case "fs":
        return fsProblem(reason);
      case "no-match":
        return fr`aucun fichier ne correspond à ce motif`;
      case "unlistable":
        return fr`impossible de lister ce dossier (permission refusée ?)`;
      case "link-loop":
        return fr`boucle de liens symboliques`;
      case "too-large":
        return fr`il fait ${reason.megabytes} Mo, plus que les ${reason.limit} Mo que posting lit`;
    }
  }

  const NOT_REGULAR: Record<NotRegularKind, string> = {
    folder: fr`un dossier`,
    pipe: fr`un tube nommé`,
    socket: fr`une socket`,
    device: fr`un périphérique`,
    "link-in-folder": fr`un lien symbolique ; les liens ne sont pas suivis dans les dossiers`,
    link: fr`un lien symbolique ; les liens ne sont jamais suivis, nommés ou dans un dossier`,
    "md-folder": fr`un dossier, bien que son nom finisse en .md ; donnez les fichiers qu'il contient, ou renommez le dossier`,
  };

  function notWritten(reason: NotWrittenReason): string {
    // Le refus de l'écriture atomique : le fichier a changé, c'est un lien, ses propriétaires.
    return reason.kind === "fs" ? fsProblem(reason) : fr`l'écriture a été refusée pour ne rien perdre (le fichier a changé pendant l'écriture, est un lien symbolique, ou ses propriétaires ne pourraient être gardés)`;
  }

  const SHAPES: Record<FrontMatterShape, string> = {
    list: fr`une liste`,
    nothing: fr`rien`,
    string: fr`un simple texte`,
    number: fr`un simple nombre`,
    boolean: fr`un simple booléen`,
    other: fr`une seule valeur`,
  };

  /** Les codes d'erreur du paquet `yaml`, en mots ; son texte anglais n'est pas montré. */
  const YAML_ERRORS: Record<string, string> = {
    ALIAS_PROPS: fr`un alias ne peut porter ni ancre ni étiquette`,
    BAD_ALIAS: fr`alias mal formé`,
    BAD_DIRECTIVE: fr`directive YAML inconnue ou mal formée`,
    BAD_DQ_ESCAPE: fr`séquence d'échappement invalide entre guillemets doubles`,
    BAD_INDENT: fr`indentation incorrecte`,
    BAD_PROP_ORDER: fr`ancre et étiquette dans le mauvais ordre`,
    BAD_SCALAR_START: fr`une valeur ne peut pas commencer par ce caractère sans guillemets`,
    BLOCK_AS_IMPLICIT_KEY: fr`un bloc ne peut pas servir de clé`,
    BLOCK_IN_FLOW: fr`un bloc ne peut pas se trouver entre [ ] ou { }`,
    DUPLICATE_KEY: fr`clé en double`,
    IMPOSSIBLE: fr`structure YAML impossible à lire`,
    KEY_OVER_1024_CHARS: fr`une clé sans guillemets fait plus de 1024 caractères`,
    MISSING_CHAR: fr`un caractère fermant manque (guillemet, crochet ou accolade)`,
    MULTILINE_IMPLICIT_KEY: fr`une clé ne peut pas s'étendre sur plusieurs lignes (un deux-points manque-t-il, ou la valeur précédente doit-elle être entre guillemets ?)`,
    MULTIPLE_ANCHORS: fr`plusieurs ancres sur une même valeur`,
    MULTIPLE_DOCS: fr`plusieurs documents YAML (une ligne --- de trop ?)`,
    MULTIPLE_TAGS: fr`plusieurs étiquettes sur une même valeur`,
    NON_STRING_KEY: fr`une clé n'est pas un texte`,
    TAB_AS_INDENT: fr`une tabulation sert d'indentation ; YAML n'accepte que des espaces`,
    TAG_RESOLVE_FAILED: fr`la valeur ne correspond pas à son étiquette`,
    UNEXPECTED_TOKEN: fr`caractère inattendu à cet endroit`,
    BAD_COLLECTION_TYPE: fr`type de collection incorrect pour cette étiquette`,
    RESOURCE_EXHAUSTION: fr`imbrication trop profonde`,
  };

  function yamlSyntax(reason: YamlSyntaxReason): string {
    switch (reason.kind) {
      case "unclosed-quote":
        return fr`le ${reason.quote} ouvert ici n'est jamais fermé`;
      case "alias-no-anchor":
        return fr`l'alias *${reason.name} ne renvoie à aucune ancre &${reason.name} plus haut`;
      case "yaml":
        return YAML_ERRORS[reason.code] ?? fr`en-tête illisible`;
    }
  }

  function jekyllReading(reading: JekyllReading): string {
    switch (reading.kind) {
      case "null":
        return fr`vide (null)`;
      case "boolean":
        return String(reading.value);
      case "number":
        return fr`le nombre ${reading.value}`;
      case "merge":
        return fr`une fusion de la table qu'elle nomme`;
      case "text":
        return fr`le texte ${q(reading.text)}`;
    }
  }

  const VALUE_CHANGES: Record<ValueChangeWhy, string> = {
    "trailing-space": fr`espaces de fin retirées`,
    nfc: fr`Unicode normalisé (NFC)`,
    "iso-date": fr`date écrite AAAA-MM-JJ`,
    "schema-spelling": fr`valeur alignée sur l'orthographe du schéma`,
    quoted: fr`mise entre guillemets, pour que Jekyll la lise comme un texte`,
    "yaml11-boolean": fr`écrite comme le booléen que lit Jekyll`,
    "text-boolean": fr`texte changé en booléen`,
    "comma-list": fr`texte à virgules changé en liste`,
  };

  const dateReason = frPhrases().dateReason;

  function fileName(reason: FileNameReason, pattern: string): string {
    switch (reason.kind) {
      case "spaces":
        return fr`il contient des espaces`;
      case "non-ascii":
        return fr`il contient d'autres caractères que des lettres et chiffres ASCII (${reason.chars})`;
      case "shape":
        return fr`attendu : ${pattern}, où YYYY-MM-DD est la date et slug fait de lettres, de chiffres, de - et de _`;
      case "unreal-date":
        return fr`${reason.date} n'est pas une date du calendrier`;
    }
  }

  function typesInWords(types: readonly string[]): string {
    const words = types.map((t) => {
      switch (t) {
        case "string":
          return fr`un texte`;
        case "boolean":
          return fr`true ou false`;
        case "array":
          return fr`une liste`;
        case "number":
        case "integer":
          return fr`un nombre`;
        case "object":
          return fr`une table de clés`;
        case "null":
          return fr`vide`;
        default:
          return t;
      }
    });
    return words.length > 1 ? fr`${words.slice(0, -1).join(", ")} ou ${words.at(-1)}` : (words[0] ?? fr`valide`);
  }

  function typeHint(hint: TypeHint | undefined): string | undefined {
    switch (hint?.kind) {
      case undefined:
        return undefined;
      case "unquote-boolean":
        return fr`écrivez ${hint.value} sans guillemets ; ${FIX_WITH_NORMALIZE}`;
      case "quote-yes-no":
        return fr`Jekyll lit yes/no/true/false sans guillemets comme un booléen ; mettez le texte entre guillemets`;
      case "quote-number":
        return fr`mettez le texte entre guillemets`;
      case "list-unbalanced":
        return fr`écrivez une liste (lignes \`- élément\`, ou [a, b]) ; ses crochets ne vont pas par paires, donc normalize la laisse telle quelle`;
      case "list-comma":
        return fr`écrivez une liste (lignes \`- élément\`, ou [a, b]) ; \`posting normalize --write\` change un texte à virgules en liste`;
      case "give-value":
        return fr`donnez une valeur à \`${hint.key}\` ou retirez la ligne`;
    }
  }

  const words: CatalogWords = { fsProblem, dateReason, valueChangeWhy: (why) => VALUE_CHANGES[why], fileName };

  const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

  const catalog: Catalog = {
    lang: "fr",
    notes: wordNotes,
    words,
    phrases: frPhrases(),
    codes: {
      FILE_UNREADABLE: {
        summary: fr`Le fichier ne peut pas être lu.`,
        word: ({ reason }) => ({ message: fr`impossible de lire le fichier : ${unreadable(reason)}` }),
      },
      FILE_NOT_REGULAR: {
        summary: fr`Le chemin n'est pas un fichier ordinaire (dossier, lien, tube ou périphérique).`,
        word: ({ kind }) => ({ message: fr`pas un fichier ordinaire (${NOT_REGULAR[kind]}) ; il n'a pas été lu`, hint: fr`donnez des fichiers Markdown ou des dossiers qui en contiennent` }),
      },
      FILE_NOT_WRITTEN: {
        summary: fr`normalize --write n'a pas pu remplacer le fichier (il a changé entre-temps, ou le dossier est protégé en écriture) ; il est resté tel quel.`,
        word: ({ reason }) => ({ message: fr`non réécrit : ${notWritten(reason)}` }),
      },
      FILE_BINARY: {
        summary: fr`Le fichier est binaire (il contient des octets NUL), ce n'est pas une annonce Markdown.`,
        word: () => ({ message: fr`ce fichier est binaire (il contient des octets NUL), ce n'est pas une annonce Markdown`, hint: fr`retirez-le du dossier des annonces ou renommez-le pour qu'il ne finisse plus en .md` }),
      },
      FILE_EMPTY: {
        summary: fr`Le fichier est vide.`,
        word: () => ({ message: fr`le fichier est vide`, hint: fr`une annonce commence par une ligne \`---\`, son en-tête (roles, open, …), une ligne \`---\` de fermeture, puis le texte` }),
      },
      ENCODING_INVALID_UTF8: {
        summary: fr`Le fichier n'est pas en UTF-8 valide.`,
        word: ({ byte, guess, truncated }) => {
          const hex = byte.toString(16).toUpperCase().padStart(2, "0");
          if (truncated) {
            return {
              message: fr`le fichier n'est pas en UTF-8 valide : le caractère qui commence par l'octet 0x${hex} ici est tronqué (UTF-8 abîmé, pas un ancien encodage)`,
              hint: fr`retapez le caractère dans votre éditeur ; normalize laisse le fichier tel quel, sauf si \`--from-encoding\` donne son encodage`,
            };
          }
          return {
            message: fr`le fichier n'est pas en UTF-8 valide (octet 0x${hex} ici) ; il semble être en ${guess === "windows-1252" ? fr`windows-1252 (Windows, Europe de l'Ouest)` : guess}`,
            hint: fr`Jekyll ne lit que l'UTF-8 ; ${FIX_WITH_NORMALIZE}, ou enregistrez-le en UTF-8 dans votre éditeur`,
          };
        },
      },
      ENCODING_UTF16: {
        summary: fr`Le fichier est enregistré en UTF-16 ; Jekyll ne lit que l'UTF-8.`,
        word: ({ encoding }) => ({ message: fr`le fichier est enregistré en ${encoding.toUpperCase()} ; Jekyll ne lit que l'UTF-8`, hint: FIX_WITH_NORMALIZE }),
      },
      ENCODING_LEGACY: {
        summary: fr`Le fichier est enregistré dans un ancien encodage ; Jekyll ne lit que l'UTF-8.`,
        word: ({ encoding }) => ({ message: fr`le fichier est enregistré en ${encoding} ; Jekyll ne lit que l'UTF-8`, hint: FIX_WITH_NORMALIZE }),
      },
      ENCODING_BOM: {
        summary: fr`Le fichier commence par une marque d'ordre des octets (BOM).`,
        word: () => ({ message: fr`le fichier commence par une marque d'ordre des octets (BOM)`, hint: fr`certains outils ne voient alors pas l'en-tête ; ${FIX_WITH_NORMALIZE}` }),
      },
      ENCODING_MOJIBAKE: {
        summary: fr`Texte brouillé : de l'UTF-8 lu dans un autre encodage.`,
        word: ({ found, repaired, via, more }) => {
          if (more) return { message: fr`${more} autres passages brouillés à partir d'ici, comme ${q(found)} pour ${q(repaired)} (UTF-8 lu en ${via})`, hint: FIX_WITH_NORMALIZE };
          return { message: fr`le texte brouillé ${q(found)} devrait se lire ${q(repaired)} (UTF-8 lu en ${via})`, hint: FIX_WITH_NORMALIZE };
        },
      },
      ENCODING_UNDECODABLE: {
        summary: fr`Des octets qui ne se décodent pas dans l'encodage supposé.`,
        word: ({ count, encoding }) => ({
          message: fr`${count} ${plural(count, "octet ne se décode", "octets ne se décodent")} pas en ${encoding} ; le fichier est resté intact`,
          hint: fr`donnez à posting le véritable encodage du fichier avec --from-encoding (par exemple latin1 ou windows-1250)`,
        }),
      },
      LINE_ENDINGS_CRLF: {
        summary: fr`Fins de ligne Windows (CRLF).`,
        word: ({ count }) => ({ message: fr`fins de ligne Windows (CRLF) sur ${count} ${plural(count, "ligne", "lignes")}`, hint: FIX_WITH_NORMALIZE }),
      },
      FRONT_MATTER_MISSING: {
        summary: fr`Pas d'en-tête : le fichier doit commencer par une ligne \`---\`.`,
        word: () => ({ message: fr`pas d'en-tête : le fichier doit commencer par une ligne \`---\``, hint: fr`ajoutez en haut du fichier \`---\`, les clés (roles, open, …) et une ligne \`---\` de fermeture` }),
      },
      FRONT_MATTER_NOT_AT_TOP: {
        summary: fr`L'en-tête ne commence pas à la ligne 1.`,
        word: ({ startLine }) => ({ message: fr`l'en-tête commence à la ligne ${startLine}, pas à la ligne 1, donc Jekyll l'ignore`, hint: fr`remontez le bloc \`---\` tout en haut du fichier` }),
      },
      FRONT_MATTER_UNTERMINATED: {
        summary: fr`L'en-tête n'est jamais fermé.`,
        word: () => ({ message: fr`l'en-tête n'est jamais fermé : aucune ligne \`---\` après celle d'ouverture`, hint: fr`ajoutez une ligne \`---\` après la dernière clé de l'en-tête` }),
      },
      FRONT_MATTER_EMPTY: {
        summary: fr`L'en-tête est vide.`,
        word: () => ({ message: fr`l'en-tête est vide`, hint: fr`ajoutez au moins \`roles:\` et \`open:\` entre les lignes \`---\`` }),
      },
      FRONT_MATTER_NOT_MAPPING: {
        summary: fr`L'en-tête n'est pas une suite de lignes \`clé: valeur\`.`,
        word: ({ found }) => ({ message: fr`l'en-tête doit être une suite de lignes \`clé: valeur\`, trouvé : ${SHAPES[found]}` }),
      },
      FRONT_MATTER_LANGUAGE: {
        summary: fr`L'en-tête n'est pas en YAML.`,
        word: ({ language }) => ({ message: fr`un en-tête en ${q(language)} n'est pas accepté (et n'est jamais exécuté) ; seul YAML l'est`, hint: fr`commencez le fichier par une simple ligne \`---\` et écrivez l'en-tête en YAML` }),
      },
      FRONT_MATTER_TOO_LARGE: {
        summary: fr`L'en-tête est trop long pour être lu (une annonce en demande quelques centaines d'octets).`,
        word: ({ kilobytes, limit, withoutComments }) => {
          const size = withoutComments ? fr`contient ${kilobytes} Ko hors commentaires` : fr`fait ${kilobytes} Ko`;
          return {
            message: fr`l'en-tête ${size}, plus que les ${limit} Ko que lit posting ; il n'a pas été lu`,
            hint: fr`l'en-tête d'une annonce tient en quelques lignes \`clé: valeur\` courtes ; déplacez les longs textes dans le corps`,
          };
        },
      },
      FRONT_MATTER_BLANK_LINE: {
        summary: fr`Ligne vide dans l'en-tête.`,
        word: () => ({ message: fr`ligne vide dans l'en-tête`, hint: FIX_WITH_NORMALIZE }),
      },
      FRONT_MATTER_TRAILING_SPACE: {
        summary: fr`Espaces en fin de ligne dans l'en-tête.`,
        word: () => ({ message: fr`espaces en fin de ligne dans l'en-tête`, hint: FIX_WITH_NORMALIZE }),
      },
      YAML_SYNTAX: {
        summary: fr`Erreur de syntaxe YAML.`,
        word: ({ reason }) => ({ message: fr`erreur de syntaxe YAML : ${yamlSyntax(reason)}`, hint: fr`une valeur qui contient \`: \` ou commence par un guillemet, \`@\`, \`*\` ou \`&\` doit être entre guillemets` }),
      },
      YAML_DUPLICATE_KEY: {
        summary: fr`Une clé est donnée deux fois.`,
        word: ({ key, firstLine, line }) => ({ message: fr`\`${key}\` est donnée deux fois, lignes ${firstLine} et ${line} ; Jekyll ne garde que la dernière`, hint: fr`gardez une seule des deux lignes` }),
      },
      YAML_ALIAS_LIMIT: {
        summary: fr`Des alias YAML qui s'étendent en trop de données.`,
        word: ({ limit, nodes }) => ({ message: fr`les alias YAML (*nom) de l'en-tête dépassent la limite (${limit} alias, ${wholeNumber(nodes, "fr-FR")} valeurs en tout) ; il n'a pas été lu`, hint: fr`écrivez les valeurs en entier plutôt qu'avec des ancres et des alias` }),
      },
      YAML_TOO_DEEP: {
        summary: fr`L'en-tête est trop profondément imbriqué.`,
        word: () => ({ message: fr`l'en-tête est trop profondément imbriqué pour être lu`, hint: fr`une annonce s'écrit en lignes \`clé: valeur\` à plat et en listes courtes` }),
      },
      YAML11_BOOLEAN: {
        summary: fr`Un booléen YAML 1.1 (yes, no, on, off) que les outils lisent différemment.`,
        word: ({ key, text, value }) => ({ message: fr`\`${key}\` est écrit \`${text}\` : Jekyll le lit comme ${String(value)}, les autres outils YAML comme le texte ${q(text)}`, hint: fr`écrivez \`${String(value)}\` ; ${FIX_WITH_NORMALIZE}` }),
      },
      YAML11_READING: {
        summary: fr`Une valeur ou une clé que Jekyll (YAML 1.1) lit autrement que YAML 1.2 (0123, 45,000, 9:00, tRUE, on:).`,
        word: ({ key, text, jekyll: reading, isKey, literal }) => {
          const quoted = JSON.stringify(text);
          const jekyll = jekyllReading(reading);
          if (isKey) {
            const hint = text === "<<" ? fr`écrivez les clés qu'elle fusionnerait : les autres outils YAML gardent une clé nommée <<` : fr`écrivez la clé entre guillemets : ${quoted}:`;
            return { message: fr`Jekyll (YAML 1.1) lit la clé \`${text}\` comme ${jekyll}, pas comme le texte ${q(text)}`, hint };
          }
          return {
            message: fr`\`${key}\` est écrit \`${text}\` : Jekyll (YAML 1.1) le lit comme ${jekyll}, les autres outils YAML (YAML 1.2) autrement`,
            hint: fr`écrivez ${quoted} entre guillemets s'il s'agit de texte${literal ? fr`, ou \`${literal}\` pour ${jekyll}` : ""}`,
          };
        },
      },
      YAML_TAG: {
        summary: fr`Une étiquette YAML standard (!!timestamp, !!set, !!binary, !!omap…) que Jekyll lit autrement ; lue comme le texte écrit.`,
        word: ({ key, tag }) => ({ message: fr`\`${key}\` porte l'étiquette ${tag} : posting lit le texte écrit, Jekyll (Psych) le lit autrement ou le refuse`, hint: fr`retirez l'étiquette et écrivez simplement la valeur` }),
      },
      YAML_TAG_UNKNOWN: {
        summary: fr`Une étiquette inconnue ou propre à un langage (!!python/…, !ruby/…, !include) ; lue comme le texte écrit.`,
        word: ({ key, tag }) => ({ message: fr`\`${key}\` porte l'étiquette ${tag}, que la lecture YAML sûre de Jekyll refuse ou ignore ; posting lit le texte écrit`, hint: fr`retirez l'étiquette ; l'en-tête ne contient que des valeurs simples` }),
      },
      UNKNOWN_KEY: {
        summary: fr`Une clé que le schéma ne connaît pas.`,
        word: ({ key, suggestion, isAlias }) => {
          const message = fr`\`${key}\` n'est pas une clé connue${suggestion ? fr` ; vouliez-vous dire \`${suggestion}\` ?` : ""}`;
          if (isAlias && suggestion) return { message, hint: fr`\`${key}\` est une ancienne orthographe de \`${suggestion}\` ; ${FIX_WITH_NORMALIZE}` };
          return { message, hint: suggestion ? fr`renommez-la en \`${suggestion}\`` : fr`retirez-la, ou ajoutez-la au schéma si le site s'en sert` };
        },
      },
      ALIAS_CONFLICT: {
        summary: fr`Une clé et son ancienne orthographe sont toutes deux données, avec des valeurs différentes.`,
        word: ({ alias, key, aliasLine }) => ({ message: fr`\`${key}\` et son ancienne orthographe \`${alias}\` (ligne ${aliasLine}) sont toutes deux données, avec des valeurs différentes`, hint: fr`gardez une seule valeur sous \`${key}\` et retirez \`${alias}\`` }),
      },
      NORMALIZE_KEY_ALIAS: {
        summary: fr`Une ancienne orthographe de clé.`,
        word: ({ alias, key }) => ({ message: fr`\`${alias}\` renommée en \`${key}\`` }),
      },
      NORMALIZE_KEY_ORDER: {
        summary: fr`Les clés ne sont pas dans l'ordre du schéma.`,
        word: ({ key }) => ({ message: fr`les clés ne sont pas dans l'ordre du schéma (\`${key}\` n'est pas à sa place)`, hint: FIX_WITH_NORMALIZE }),
      },
      NORMALIZE_VALUE: {
        summary: fr`Une valeur que normalize réécrirait.`,
        word: ({ key, from, to, why }) => ({ message: fr`\`${key}\` devrait s'écrire ${to}, pas ${from} (${VALUE_CHANGES[why]})`, hint: FIX_WITH_NORMALIZE }),
      },
      NORMALIZE_UNSAFE: {
        summary: fr`normalize n'a pas pu réécrire le fichier sans risque.`,
        word: () => ({ message: fr`normalize ne pouvait pas réécrire ce fichier sans changer ses données ; il est resté intact`, hint: fr`merci de signaler l'en-tête de ce fichier comme un bogue` }),
      },
      DATE_AMBIGUOUS: {
        summary: fr`Une date qui ne peut pas être lue avec certitude.`,
        word: ({ key, reason }) => ({ message: fr`\`${key}\` : ${dateReason(reason)}`, hint: fr`écrivez la date AAAA-MM-JJ` }),
      },
      COMMA_LIST_UNBALANCED: {
        summary: fr`Un texte à virgules dont les crochets ne vont pas par paires : pas changé en liste.`,
        word: ({ key }) => ({
          message: fr`\`${key}\` ressemble à une liste séparée par des virgules, mais ses crochets ne vont pas par paires : on ne sait pas où finissent ses éléments ; normalize le laisse tel quel`,
          hint: fr`écrivez-le comme une liste (lignes \`- élément\`), ou appariez les crochets`,
        }),
      },
      SCHEMA_REQUIRED: {
        summary: fr`Une clé obligatoire manque.`,
        word: ({ key, description }) => {
          // The schema's French text only: an English one (a schema written in English) would be English here.
          const meaning = description?.fr;
          return { message: fr`\`${key}\` est obligatoire mais manque`, hint: meaning ? fr`ajoutez \`${key}:\` à l'en-tête : ${meaning}` : fr`ajoutez \`${key}:\` à l'en-tête` };
        },
      },
      SCHEMA_TYPE: {
        summary: fr`Une valeur n'a pas le bon type.`,
        word: ({ key, expected, found, hint }) => ({ message: fr`\`${key}\` doit être ${typesInWords(expected)}, trouvé : ${describeValue(found)}`, hint: typeHint(hint) }),
      },
      SCHEMA_ENUM: {
        summary: fr`Une valeur ne fait pas partie des valeurs permises.`,
        word: ({ key, allowed, found, suggestion }) => ({
          message: fr`\`${key}\` doit valoir ${allowed.map((v) => String(v)).join(", ")} ; trouvé : ${describeValue(found)}`,
          hint: suggestion ? fr`vouliez-vous dire ${q(suggestion)} ? ${FIX_WITH_NORMALIZE}` : undefined,
        }),
      },
      SCHEMA_FORMAT: {
        summary: fr`Une valeur n'est pas au format attendu (date, e-mail, URL).`,
        word: ({ key, format, found, reason }) => ({ message: fr`\`${key}\` doit être ${formatInWords(format)}, trouvé : ${describeValue(found)}${reason ? fr` (${dateReason(reason)})` : ""}` }),
      },
      SCHEMA_PATTERN: {
        summary: fr`Une valeur ne suit pas le motif attendu.`,
        word: ({ key, pattern, description, found }) => ({ message: fr`\`${key}\` doit être ${description?.fr ?? fr`un texte qui suit le motif ${pattern}`}, trouvé : ${describeValue(found)}` }),
      },
      SCHEMA_CONST: {
        summary: fr`Une valeur diffère de la seule valeur permise.`,
        word: ({ key, expected, found }) => ({ message: fr`\`${key}\` doit valoir ${expected}, trouvé : ${describeValue(found)}` }),
      },
      SCHEMA_LENGTH: {
        summary: fr`Une valeur est trop courte ou trop longue.`,
        word: ({ key, limit, kind, unit }) => {
          if (kind === "min" && limit === 1) return { message: fr`\`${key}\` ne doit pas être vide` };
          const units = unit === "items" ? plural(limit, "élément", "éléments") : plural(limit, "caractère", "caractères");
          return { message: fr`\`${key}\` doit avoir ${kind === "min" ? "au moins" : "au plus"} ${limit} ${units}` };
        },
      },
      SCHEMA_ITEMS: {
        summary: fr`Une liste a des éléments invalides ou répétés.`,
        word: ({ key, first, repeat }) => ({ message: fr`\`${key}\` donne deux fois la même valeur (éléments ${first + 1} et ${repeat + 1})` }),
      },
      SCHEMA_OTHER: {
        summary: fr`Une autre règle du schéma n'est pas respectée.`,
        word: ({ key, keyword }) => {
          const reason = fr`ne respecte pas la règle ${q(keyword)} du schéma`;
          return { message: key ? fr`\`${key}\` ${reason}` : fr`l'en-tête ${reason}` };
        },
      },
      FILE_NAME_PATTERN: {
        summary: fr`Le nom du fichier ne suit pas le modèle configuré (par défaut YYYY-MM-DD-slug.md).`,
        word: ({ name, pattern, reason, suggestion }) => ({ message: fr`le nom de fichier ${q(name)} ne suit pas ${pattern} : ${fileName(reason, pattern)}`, hint: fr`renommez le fichier, par exemple ${suggestion ?? exampleFileName(pattern)}` }),
      },
      REFERENCE_MISSING: {
        summary: fr`Une valeur nomme un fichier qui n'existe pas (\`references\` de la configuration).`,
        word: ({ key, value, expected, unsafeName }) => ({
          message: fr`\`${key}\` vaut ${q(truncate(value))} mais ${unsafeName ? fr`ne peut pas nommer un fichier (elle contient / ou \\, ou vaut . ou ..)` : fr`${expected} n'existe pas`}`,
          hint: unsafeName ? fr`\`${key}\` nomme un fichier : ${expected}` : fr`vérifiez l'orthographe de \`${key}\`, ou ajoutez ${expected}`,
        }),
      },
      DUPLICATE_POSTING: {
        summary: fr`Une autre annonce a la même startup, les mêmes postes et la même date.`,
        word: ({ other, keys, values, bare }) => {
          const shown = values.map((v, i) => (bare[i] ? truncate(v, 200) : q(truncate(v))));
          const free = keys.filter((_, i) => !bare[i]);
          return {
            message: fr`mêmes ${wordList(keys)} que ${other} (${shown.join(", ")})`,
            hint: fr`retirez l'un des deux fichiers, ou changez ${free.length > 0 ? free.join(" ou ") : "l'une des valeurs"} s'il s'agit d'annonces différentes`,
          };
        },
      },
      FILE_TEMP_LEFTOVER: {
        summary: fr`Un fichier temporaire laissé par une écriture interrompue (le prochain normalize --write le retire).`,
        word: () => ({ message: fr`un fichier temporaire laissé par un \`posting normalize --write\` ou un \`posting new\` interrompu`, hint: fr`supprimez-le quand aucune commande posting ne tourne dans ce dossier (le prochain \`posting normalize --write\` retire ceux dont le processus est terminé)` }),
      },
      TEXT_BIDI_CONTROL: {
        summary: fr`Une valeur contient un caractère de contrôle bidirectionnel (affichage trompeur, Trojan Source).`,
        word: ({ key, char }) => ({
          message: fr`\`${key}\` contient un contrôle bidirectionnel invisible (${char}) : le texte peut s'afficher dans un autre ordre que celui de lecture`,
          hint: fr`retirez-le, sauf si le texte en a vraiment besoin (Trojan Source)`,
        }),
      },
      LINE_ENDINGS_CR: {
        summary: fr`Anciennes fins de ligne Mac (CR seul).`,
        word: ({ count }) => ({ message: fr`anciennes fins de ligne Mac (CR seul) sur ${count} ${plural(count, "ligne", "lignes")} : Jekyll ne voit qu'une seule ligne et pas d'en-tête`, hint: FIX_WITH_NORMALIZE }),
      },
      FRONT_MATTER_CLOSING_TEXT: {
        summary: fr`Le \`---\` de fermeture est collé à du texte, donc il ne ferme pas l'en-tête.`,
        word: ({ text }) => ({ message: fr`cette ligne fermerait l'en-tête mais du texte suit son \`---\` (${q(truncate(text))}), donc l'en-tête n'est jamais fermé`, hint: fr`mettez le \`---\` seul sur sa ligne et le texte sur la suivante` }),
      },
      YAML11_LINE_BREAK: {
        summary: fr`Un séparateur de ligne ou de paragraphe (U+0085, U+2028, U+2029) dans l'en-tête : un saut de ligne pour le YAML 1.1 de Jekyll.`,
        word: ({ char }) => ({
          message: fr`un ${char} invisible dans l'en-tête : le lecteur YAML 1.1 de Jekyll le prend pour un saut de ligne, donc il lit cet en-tête autrement (ou le refuse)`,
          hint: fr`supprimez-le, ou écrivez-le \\u${char.slice(2)} dans une valeur entre guillemets doubles`,
        }),
      },
      EDIT_REFUSED: {
        summary: fr`posting set ou close n'a pas pu modifier le fichier avec certitude ; il est resté intact.`,
        word: ({ reason, key }) => ({
          message: fr`non modifié : ${EDIT_REASONS[reason]}${key !== undefined ? ` (\`${key}\`)` : ""} ; le fichier est resté intact`,
          hint: reason === "unsafe" ? fr`merci de signaler l'en-tête de ce fichier comme un bogue` : fr`modifiez-le à la main, ou lancez d'abord posting normalize --write`,
        }),
      },
      FILE_EXTENSION: {
        summary: fr`Un fichier d'un dossier de contenu a un en-tête mais pas une extension Markdown : Jekyll le publie comme une page sans Markdown.`,
        word: ({ extension, expected, markdown }) =>
          markdown
            ? { message: fr`ce fichier finit en ${extension} : Jekyll le lit comme du Markdown, mais posting ne lit dans les dossiers que les ${q("extensions")} de la configuration`, hint: fr`renommez-le pour qu'il finisse en ${expected}, ou ajoutez ${q(extension)} aux ${q("extensions")} de la configuration` }
            : {
                message: fr`${extension ? fr`ce fichier finit en ${extension}, pas en ${expected}` : fr`ce fichier n'a pas d'extension`} : Jekyll le publie comme une page sans Markdown`,
                hint: fr`renommez-le pour qu'il finisse en ${expected}`,
              },
      },
      UNUSED_DISABLE: {
        summary: fr`Un commentaire \`# posting-disable\` qui ne masque rien : périmé, mal écrit, ou d'un code vérifié entre fichiers.`,
        word: ({ code, reason, wholeFile }) => {
          const where = wholeFile ? fr`dans ce fichier` : fr`à la ligne suivante`;
          switch (reason) {
            case "no-code":
              return { message: fr`ce commentaire posting-disable ne nomme aucun code`, hint: fr`écrivez le code à accepter, par exemple \`# posting-disable-next-line YAML_TAG\`` };
            case "unknown":
              return { message: fr`ce commentaire posting-disable nomme ${truncate(code)}, qui n'est pas un code de posting`, hint: fr`vérifiez son orthographe (README, Finding codes)` };
            case "cross-file":
              return { message: fr`${code} est vérifié entre fichiers et ne peut pas être désactivé par un commentaire`, hint: fr`réglez-le dans les ${q("rules")} de la configuration, ou retirez le commentaire` };
            default:
              return { message: fr`aucun ${code} ${where} à désactiver`, hint: fr`retirez le commentaire : ce qu'il acceptait a disparu` };
          }
        },
      },
      TEMPLATE_PLACEHOLDER: {
        summary: fr`Une consigne du modèle est restée dans l'annonce : un texte entre crochets à remplacer, ou le commentaire qui le demande.`,
        word: ({ kind, text }) =>
          kind === "comment"
            ? { message: fr`le commentaire de consigne du modèle est toujours là (${q(truncate(text))})`, hint: fr`remplacez les textes entre crochets, puis supprimez le commentaire` }
            : { message: fr`${q(`[${truncate(text)}]`)} est un texte du modèle, encore à remplacer`, hint: fr`écrivez le texte de l'annonce à la place des crochets` },
      },
    },
  };

  function wordNotes(hint: string | undefined, notes: FixNotes): string | undefined {
    if (notes.fix) hint ??= fr`${FIX_WITH_NORMALIZE} (${notes.fix.from} → ${notes.fix.to})`;
    if (notes.aliasSetToo) hint = fr`\`${notes.aliasSetToo.key}\` est aussi donnée, avec une autre valeur : gardez-en une`;
    if (notes.dateUnclear) hint = fr`${dateReason(notes.dateUnclear.reason)} ; écrivez-la AAAA-MM-JJ`;
    if (notes.blockedBy) hint = hintWhileBlocked(hint, notes.blockedBy);
    return hint;
  }

  function hintWhileBlocked(hint: string | undefined, blocker: FixBlocker): string | undefined {
    const why =
      "code" in blocker
        ? fr`\`posting normalize --write\` le corrigera une fois ${blocker.code} corrigé`
        : "encoding" in blocker
          ? fr`\`posting normalize --write\` ne peut pas le corriger (des octets n'ont pas de caractère en ${blocker.encoding})`
          : fr`corrigez-le à la main : \`posting normalize --write\` laisse ce fichier tel quel (sa réécriture ne se relirait pas comme les mêmes données)`;
    return hint?.includes(FIX_WITH_NORMALIZE) ? hint.replace(FIX_WITH_NORMALIZE, why) : hint;
  }

  function exampleFileName(pattern: string): string {
    return pattern.replace(/YYYY/g, "2026").replace(/MM/g, "11").replace(/DD/g, "20").replace(/slug/g, "developpeur");
  }

  function formatInWords(format: string): string {
    switch (format) {
      case "email":
        return fr`une adresse e-mail`;
      case "uri":
        return fr`une adresse web complète (https://…)`;
      case "date":
        return fr`une date écrite AAAA-MM-JJ`;
      case "jekyll-date":
        return fr`une date écrite AAAA-MM-JJ (ou une date et heure comme 2021-07-13T17:01:57Z)`;
      default:
        return fr`au format ${q(format)}`;
    }
  }

  function describeValue(shown: ShownValue): string {
    switch (shown.type) {
      case "empty":
        return fr`rien (une valeur vide)`;
      case "text":
        return capText(fr`le texte ${q(truncate(shown.text))}`);
      case "boolean":
        return fr`le booléen ${String(shown.value)}`;
      case "number":
        return fr`le nombre ${shown.value}`;
      case "list":
        return fr`une liste de ${shown.length} ${plural(shown.length, "élément", "éléments")}`;
      case "mapping":
        return fr`une table de clés imbriquée`;
    }
  }

  /** `a`, `a et b`, `a, b et c`. */
  function wordList(items: readonly string[]): string {
    return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
  }

  function truncate(text: string, max = 60): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }

  return catalog;
}
