// Les phrases françaises (phrases.ts) : ce que dit posting en dehors des constats.
import type { ChangeLine, ConfigValueProblem, IgnoredVerb, Phrases } from "./phrases.js";
import { helpFr } from "./help-fr.js";
import { fr, q } from "./typography.js";

const s = (n: number) => (n > 1 ? "s" : "");

const IGNORED: Record<IgnoredVerb, string> = { linted: "vérifié", checked: "vérifié", normalized: "normalisé", listed: "listé", edited: "modifié", closed: "fermé" };

function changeLine(c: ChangeLine): string {
  switch (c.kind) {
    case "encoding":
      return fr`converti de ${c.from.toUpperCase()} en UTF-8`;
    case "bom":
      return fr`marque d'ordre des octets retirée`;
    case "crlf":
      return fr`${c.count} fin${s(c.count)} de ligne CRLF convertie${s(c.count)} en LF`;
    case "cr":
      return fr`${c.count} fin${s(c.count)} de ligne CR (ancien Mac) convertie${s(c.count)} en LF`;
    case "mojibake":
      return fr`${c.count} passage${s(c.count)} brouillé${s(c.count)} réparé${s(c.count)} (${c.examples})`;
    case "renamed":
      return fr`clé \`${c.from}\` renommée en \`${c.to}\``;
    case "alias-removed":
      return fr`clé \`${c.from}\` retirée (même valeur que \`${c.to}\`)`;
    case "value":
      return fr`\`${c.key}\` : ${c.why} (${c.from} → ${c.to})`;
    case "reordered":
      return fr`clés remises dans l'ordre du schéma`;
    case "blank-lines":
      return fr`${c.count} ligne${s(c.count)} vide${s(c.count)} retirée${s(c.count)} de l'en-tête`;
    case "trailing-spaces":
      return fr`espaces de fin retirées sur ${c.count} ligne${s(c.count)} de l'en-tête`;
    case "restyled":
      return fr`en-tête réécrit dans le style canonique`;
    case "final-newline":
      return fr`un seul saut de ligne final`;
  }
}

const TYPES_FR: Record<string, string> = { string: "un texte", boolean: "true ou false", array: "une liste", object: "un objet", number: "un nombre", integer: "un nombre entier" };

function configValue(what: ConfigValueProblem): string {
  switch (what.kind) {
    case "file-name":
      return fr`doit être un modèle de nom de fichier comme YYYY-MM-DD-slug.md (sans / ni \\), ou false`;
    case "reference":
      return fr`doit être un chemin avec {value} à la place de la valeur de la clé, par exemple content/_startups/{value}.md`;
    case "extension":
      return fr`doit être une extension avec son point, par exemple .md ou .markdown`;
    case "rule":
      return fr`doit valoir "off", "warning" ou "error"`;
    case "schema":
      if (what.keyword === "type" && what.type) return fr`doit être ${what.type.split(",").map((t) => TYPES_FR[t] ?? t).join(" ou ")}`;
      return fr`n'est pas valide (règle ${q(what.keyword)} du schéma de la configuration)`;
  }
}

let built: Phrases | undefined;

/** Les phrases françaises, faites au premier usage : une exécution en anglais ne les espace pas. */
export function frPhrases(): Phrases {
  return (built ??= buildPhrases());
}

function buildPhrases(): Phrases {
  const WHERE_USAGE_FR = fr`écrivez CLÉ=VALEUR, CLÉ!=VALEUR, CLÉ~TEXTE, ou CLÉ<VALEUR, CLÉ<=VALEUR, CLÉ>VALEUR, CLÉ>=VALEUR pour des dates et des nombres`;

  const phrases: Phrases = {
    lang: "fr",
    noProblems: (files) => fr`aucun problème (${files} fichier${s(files)} vérifié${s(files)})`,
    problems: ({ total, errors, warnings, files }) => fr`${total} problème${s(total)} (${errors} erreur${s(errors)}, ${warnings} avertissement${s(warnings)}) dans ${files} fichier${s(files)} vérifié${s(files)}`,
    fixable: (count) => fr`${count > 1 ? `${count} d'entre eux peuvent` : `${count} d'entre eux peut`} être corrigé${s(count)} par \`posting normalize --write\`.`,
    warning: fr`avertissement :`,
    ignored: (file, verb, withFlag) => fr`${file} est ignoré (${q("ignore")} de la configuration${withFlag ? " ou --ignore-pattern" : ""}) ; pas ${IGNORED[verb]}`,
    tooManyWarnings: (count, quiet, max) => fr`${count} avertissements${quiet ? " (masqués : --quiet)" : ""}, plus que --max-warnings ${max}`,
    noInput: (command) => fr`aucune annonce à traiter : donnez des fichiers ou des dossiers (par exemple \`posting ${command} content/_jobs\`), ou créez un posting.config.json avec "content": ["content/_jobs"]`,
    noPostings: (shown, count) => fr`aucune annonce trouvée dans ${shown} : vérifiez ${count > 1 ? "les chemins" : "le chemin"} (les annonces sont les fichiers en .md, ou les ${q("extensions")} de la configuration), ou passez --allow-empty si un dossier vide est attendu`,
    internalError: fr`erreur interne. C'est un bogue ; merci de le signaler avec la commande lancée.`,
    gitNotStdin: (flag) => fr`${flag} lit git, pas l'entrée standard : retirez le -`,
    stagedAndChanged: fr`--staged et --changed ne vont pas ensemble`,
    checkAndWrite: fr`--check et --write ne vont pas ensemble`,
    cacheNeedsCheck: fr`--cache ne sert qu'avec --check`,
    stdinAlone: fr`\`-\` (l'entrée standard) doit être le seul chemin`,
    filesNotStdin: fr`lit des fichiers et des dossiers, pas l'entrée standard`,
    listNotStdin: fr`\`posting list\` lit des fichiers et des dossiers, pas l'entrée standard`,
    listExcelFormat: (format) => fr`--excel écrit du CSV ; il ne s'emploie pas avec --format ${format}`,
    closeNeedsSelection: fr`posting close demande des chemins ou un filtre (par exemple --stale 30 ou --startup ID) ; --all ferme toutes les annonces`,
    changeLine,
    repairsOnLine: (line, repairs) => fr`ligne ${line} : ${repairs}`,
    fixedFile: (file, changes) => fr`corrigé ${file} : ${changes}`,
    normalizeSummary: ({ files, changed, unchanged, refused, write, canonical }) =>
      fr`${files} fichier${s(files)} : ${changed} ${write ? `corrigé${s(changed)}` : `à changer`}, ${unchanged} ${canonical ? "déjà canonique" + s(unchanged) : "sans rien à corriger"}${refused ? `, ${refused} laissé${s(refused)} intact${s(refused)} (voir plus haut)` : ""}`,
    editedFile: (verb, file, changes) => fr`${verb === "set" ? "modifié" : "fermé"} ${file} : ${changes}`,
    keyAdded: (key, value) => fr`${key} : ajouté ${value}`,
    keyRemoved: (key) => fr`${key} : retiré`,
    editSummary: ({ selected, changed, unchanged, refused, write, verb }) =>
      fr`${selected} annonce${s(selected)} choisie${s(selected)} : ${changed} ${write ? (verb === "set" ? `modifiée${s(changed)}` : `fermée${s(changed)}`) : "à changer"}, ${unchanged} ${verb === "set" ? "déjà ainsi" : `déjà fermée${s(unchanged)}`}${refused ? `, ${refused} laissée${s(refused)} intacte${s(refused)} (voir plus haut)` : ""}`,
    couldNotRead: (reason) => fr`illisible : ${reason}`,
    listSummary: ({ shown, open, matched, total, unreadable }) => {
      let text = fr`${shown} annonce${s(shown)}${open === undefined ? "" : `, ${open} ouverte${s(open)}`}`;
      const notes: string[] = [];
      if (matched > shown) notes.push(fr`${matched} retenue${s(matched)}`);
      if (total > shown) notes.push(fr`sur ${total} lue${s(total)}`);
      if (notes.length > 0) text += ` (${notes.join(", ")})`;
      if (unreadable > 0) text += fr` ; ${unreadable} fichier${s(unreadable)} illisible${s(unreadable)}`;
      return text;
    },
    frontMatterUnread: fr`l'en-tête n'a pas pu être lu`,
    unreadableCount: (count) => fr`${count} fichier${s(count)} n'${count > 1 ? "ont" : "a"} pas pu être lu${s(count)} (--strict)`,
    noSuchKey: (key, suggestion) => fr`aucune annonce n'a la clé \`${key}\`${suggestion ? fr` ; vouliez-vous dire \`${suggestion}\` ?` : ""}`,
    dateReason: (reason) => {
      switch (reason.kind) {
        case "ambiguous":
          return fr`${reason.text} peut se lire ${reason.dayFirst} ou ${reason.monthFirst}`;
        case "unreal":
          return fr`${reason.text} n'est pas une date du calendrier`;
        case "write-iso":
          return fr`écrivez-la AAAA-MM-JJ`;
      }
    },
    query: {
      noRole: (flag, source, role) => fr`${flag} : le schéma ${source} ne désigne aucune clé comme celle du rôle ${q(role)} (ajoutez-y "x-role": "${role}")`,
      sinceAfterUntil: (since, until) => fr`--since ${since} est après --until ${until} : aucune annonce ne peut correspondre`,
      notWhole: (flag, value, days) => fr`${flag} attend un nombre entier${days ? " de jours" : ""}, pas ${value}`,
      whereNoOperator: (source) => fr`--where ${q(source)} : aucun opérateur ; ${WHERE_USAGE_FR}`,
      whereNoKey: (source, op) => fr`--where ${q(source)} : la clé manque avant ${q(op)} ; ${WHERE_USAGE_FR}`,
      whereUnknownOperator: (source, op) => fr`--where ${q(source)} : opérateur inconnu ${q(op)} ; ${WHERE_USAGE_FR}`,
      whereNotComparable: (source, op, value) => fr`--where ${q(source)} : ${q(op)} compare des dates (AAAA-MM-JJ) ou des nombres, et ${q(value)} n'est ni l'un ni l'autre`,
      badDate: (flag, value, why) => fr`${flag} ${q(value)} n'est pas une date valide (${phrases.dateReason(why)})`,
      whereBadDate: (source, value, why) => fr`--where ${q(source)} : ${q(value)} n'est pas une date valide (${phrases.dateReason(why)})`,
      sortEmptyKey: (sort) => fr`--sort ${q(sort)} : clé vide ; écrivez par exemple \`--sort -date,startup\``,
      fieldsEmpty: (fields) => fr`--fields ${q(fields)} : nom de champ vide ; écrivez par exemple \`--fields date,startup,title,file\``,
    },
    config: {
      unknownSetting: (where, key, known) => fr`${where} : ${q(key)} n'est pas un réglage connu${known ? fr` (réglages connus : ${known})` : ""}`,
      badValue: (where, key, what) => fr`${where} : ${q(key)} ${configValue(what)}`,
      notJson: (file, at) => fr`${file} n'est pas un JSON valide (${at})`,
      unreadable: (file) => fr`impossible de lire le fichier de configuration ${file}`,
      noSchemaFile: (file, key, path) => fr`${file} : ${q(key)} : le fichier ${path} n'existe pas`,
      unknownEncoding: (name) => fr`encodage inconnu ${q(name)} (essayez windows-1252, latin1, utf-16le)`,
      unknownEncodingIn: (file, name) => fr`${file} : ${q("encoding")} : encodage inconnu ${q(name)}`,
    },
    schemaHasNoKey: (source, key, suggestion) => fr`le schéma ${source} n'a pas de clé \`${key}\`${suggestion ? fr` ; vouliez-vous dire \`${suggestion}\` ?` : ""}`,
    closeNeedsXClose: (source) => fr`posting close : le schéma ${source} ne dit pas comment fermer une annonce (ajoutez-y "x-close": { "set": { "open": false } })`,
    nothingToSet: fr`rien à modifier : donnez CLÉ=VALEUR (par exemple open=false) ou --unset CLÉ`,
    init: {
      problem: (kind, example) =>
        ({
          "no-folder": fr`donnez un dossier, par exemple content/_jobs`,
          "not-relative": fr`donnez un chemin relatif à ce dossier`,
          outside: fr`donnez un dossier à l'intérieur de celui-ci (sans ..)`,
          control: fr`les caractères de contrôle ne sont pas permis`,
          "no-pattern": fr`donnez un motif, par exemple YYYY-MM-DD-slug.md`,
          "not-a-name": fr`un nom de fichier, sans / ni \\`,
          "never-matches": fr`${q(example ?? "")} ne peut correspondre à aucun nom de fichier`,
        })[kind],
      alreadyExists: (file) => fr`${file} existe déjà ; il a été laissé tel quel (passez --force pour le remplacer)`,
      keptConfig: (file) => fr`${file} existe déjà ; laissé tel quel.`,
      schemaExists: (schema, config) => fr`${schema} existe déjà ; il a été laissé tel quel, ainsi que ${config} (passez --force pour les remplacer)`,
      interrupted: fr`Interrompu : rien n'a été écrit.`,
      notWritten: (file) => fr`${file} (non écrit : --dry-run) :`,
      written: (file, replaced) => fr`${replaced ? "Remplacé" : "Créé"} ${file} :`,
      writtenSchema: (file, keys, replaced) => fr`${replaced ? "Remplacé" : "Créé"} ${file} (${keys} clé${keys === 1 ? "" : "s"}).`,
      notYet: (folder) => fr`Note : ${folder} n'existe pas encore.`,
      notInstalled: (bin) => fr`posting n'est pas installé dans ce dossier (pas de ${bin}) ; le hook et \`npx --no-install posting\` en ont besoin : installez-le dans le site comme dépendance de développement : npm install --save-dev <URL git de posting-toolkit>#<commit> (ou une archive faite par npm pack) ; voir son README, « Use it in your site »`,
      next: fr`Ensuite : posting lint    (ajoutez un hook pre-commit avec : posting init --hook)`,
      noPostings: (folder) => fr`--infer : aucune annonce sous ${folder} d'où déduire un schéma (donnez le dossier avec --content)`,
      read: (count, folder, cms, skipped, notRead, max) =>
        fr`${count} annonce${count === 1 ? " lue" : "s lues"} sous ${folder}${cms ? fr` et les champs du CMS de ${cms}` : ""}${skipped > 0 ? fr` ; ${skipped} fichier${skipped === 1 ? "" : "s"} sans en-tête lisible ${skipped === 1 ? "ignoré" : "ignorés"}` : ""}${notRead > 0 ? fr` ; ${notRead} autre${notRead === 1 ? "" : "s"} non lu${notRead === 1 ? "" : "s"} (seulement les ${max} premiers)` : ""}.`,
      cmsConfig: (message) => `la configuration du CMS : ${message}`,
      inferOffer: (folder, count) => fr`${folder} contient ${count} annonce${count === 1 ? "" : "s"} : écrire un schéma déduit de ${count === 1 ? "celle-ci" : "celles-ci"} (comme posting init --infer) ?`,
      ask: {
        content: fr`Dossier des annonces`,
        contentHelp: fr`Relatif à ce dossier ; \`posting lint\` et \`posting list\` le lisent quand aucun chemin n'est donné.`,
        fileName: fr`Motif des noms de fichiers`,
        fileNameHelp: fr`YYYY, MM et DD sont la date, slug des lettres, chiffres, - et _.`,
        schema: fr`Schéma des annonces (vide pour celui fourni)`,
        template: fr`Modèle du corps pour \`posting new\` (vide pour celui fourni)`,
        references: (pattern) => fr`Vérifier que la startup de chaque annonce a une page (${pattern}) ?`,
      },
      preCommit: fr`Ce dépôt utilise le framework pre-commit : ajoutez ces hooks à .pre-commit-config.yaml :`,
      husky: fr`Ce dépôt utilise husky : mettez \`npx lint-staged\` dans .husky/pre-commit, et ceci dans package.json :`,
      notGit: fr`Pas dans un dépôt git : aucun hook installé. Dans un dépôt, relancez \`posting init --hook\`, ou utilisez l'un de ceux-ci :`,
      hookLints: (hook) => fr`${hook} vérifie déjà les annonces.`,
      hookExists: (hook) => fr`${hook} existe déjà et a été laissé tel quel. Ajoutez-y ces lignes (ou passez --force pour le remplacer) :`,
      hookInstalled: (hook, folder) => fr`${hook} installé : chaque commit vérifie les annonces indexées sous ${folder}/.`,
      gitignore: (created) => (created ? fr`.gitignore créé avec .posting-cache (le fichier de --cache).` : fr`Ajouté à .gitignore : .posting-cache (le fichier de --cache).`),
    },
    set: {
      notKeyValue: (text) => fr`${q(text)} : écrivez CLÉ=VALEUR, par exemple open=false (et --unset CLÉ pour retirer une clé)`,
      setTwice: (key) => fr`\`${key}\` est donnée deux fois`,
      badValue: (key, raw, reason) => fr`${key}=${raw} : ${reason}`,
      emptyValue: (key) => fr`${key}= : une valeur vide ; pour retirer la clé, utilisez --unset ${key}`,
      unsetNoKey: fr`--unset : la clé manque`,
      setAndUnset: (key) => fr`\`${key}\` est à la fois donnée et retirée`,
    },
    git: {
      // git's own words are English: not shown here.
      needsRepository: (option) => fr`${option} demande un dépôt git : ce dossier n'est pas dans une copie de travail git (ou git n'est pas installé)`,
      noDefaultBranch: fr`--changed : pas de branche par défaut à laquelle comparer (origin/HEAD, main ou master) ; nommez-en une, par exemple --changed origin/main`,
      notRevision: (ref) => fr`--changed : ${q(ref)} n'est pas une révision git`,
      notCommit: (ref) => fr`--changed : ${ref} n'est pas un commit de ce dépôt`,
    },
    schemaUnreadable: (path) => fr`impossible de lire le schéma ${path}`,
    schemaNotJson: (path, at) => fr`le schéma ${path} n'est pas un JSON valide (${at})`,
    commander: {
      unknownOption: (flag, suggestion) => fr`option inconnue ${flag}${suggestion ? fr` ; vouliez-vous dire ${suggestion} ?` : ""}`,
      unknownCommand: (command, suggestion) => fr`commande inconnue ${command}${suggestion ? fr` ; vouliez-vous dire ${suggestion} ?` : ""}`,
      optionMissingArgument: (flag) => fr`l'option ${flag} attend une valeur`,
      missingArgument: (name) => fr`il manque l'argument obligatoire ${name}`,
      invalidChoice: (value, option, choices) => fr`l'option ${option} n'accepte pas ${q(value)} ; valeurs possibles : ${choices}`,
      invalidArgument: (option, value, reason) => fr`l'option ${option} n'accepte pas ${q(value)} : ${reason}`,
      excessArguments: (command, count) => fr`trop d'arguments pour ${command} : aucun n'est attendu, ${count} donné${s(count)}`,
      conflictingOption: (a, b) => fr`l'option ${a} ne va pas avec l'option ${b}`,
      wholeNumber: fr`un nombre entier est attendu, par exemple 0 ou 10`,
      noW: fr`il n'y a pas de -w ici : écrivez --where (-w est le --write de normalize)`,
    },
    help: {
      usage: fr`Utilisation :`,
      arguments: fr`Arguments :`,
      options: fr`Options :`,
      commands: fr`Commandes :`,
      defaultIs: (value) => fr`par défaut : ${value}`,
      choicesAre: (values) => fr`valeurs : ${values}`,
      get texts() {
        return helpFr();
      },
    },
  };
  return phrases;
}
