/** Short sample texts (written for Assay, everyday prose) from which the language detector builds trigram profiles. */

/** One sample paragraph per language, keyed by ISO 639-1 code. Longer samples give better profiles. */
export const LANGUAGE_SAMPLES = {
  en: `The report was written by the team after a long meeting about the new system. They said that the results of the
    test were good, but there is still much work to do before the end of the year. Most of the people who use the
    service every day would like it to be faster and easier to understand. We should also think about what happens
    when the network is down and nobody can reach the server. This is the kind of question that our customers ask
    when they visit the office, and we have not always had a clear answer for them. The weather was cold and the
    children walked to school through the snow while their parents were working in the city.`,
  de: `Der Bericht wurde nach einer langen Sitzung über das neue System von der Gruppe geschrieben. Sie sagten, dass
    die Ergebnisse der Prüfung gut waren, aber bis zum Ende des Jahres noch viel Arbeit zu tun ist. Die meisten
    Menschen, die den Dienst jeden Tag benutzen, möchten, dass er schneller und einfacher zu verstehen ist. Wir
    sollten auch darüber nachdenken, was geschieht, wenn das Netz ausfällt und niemand den Server erreichen kann.
    Das ist die Art von Frage, die unsere Kunden stellen, wenn sie das Büro besuchen. Das Wetter war kalt und die
    Kinder gingen durch den Schnee zur Schule, während ihre Eltern in der Stadt arbeiteten.`,
  fr: `Le rapport a été écrit par l'équipe après une longue réunion sur le nouveau système. Ils ont dit que les
    résultats de l'essai étaient bons, mais qu'il reste encore beaucoup de travail avant la fin de l'année. La
    plupart des personnes qui utilisent le service tous les jours voudraient qu'il soit plus rapide et plus facile à
    comprendre. Nous devons aussi penser à ce qui se passe quand le réseau est en panne et que personne ne peut
    joindre le serveur. C'est le genre de question que nos clients posent quand ils viennent au bureau. Il faisait
    froid et les enfants allaient à l'école dans la neige pendant que leurs parents travaillaient en ville.`,
  es: `El informe fue escrito por el equipo después de una larga reunión sobre el nuevo sistema. Dijeron que los
    resultados de la prueba eran buenos, pero que todavía queda mucho trabajo antes del final del año. La mayoría
    de las personas que usan el servicio todos los días quieren que sea más rápido y más fácil de entender. También
    debemos pensar en lo que pasa cuando la red no funciona y nadie puede llegar al servidor. Es el tipo de pregunta
    que hacen nuestros clientes cuando visitan la oficina. Hacía frío y los niños caminaban a la escuela por la
    nieve mientras sus padres trabajaban en la ciudad.`,
  it: `Il rapporto è stato scritto dalla squadra dopo una lunga riunione sul nuovo sistema. Hanno detto che i
    risultati della prova erano buoni, ma che c'è ancora molto lavoro da fare prima della fine dell'anno. La maggior
    parte delle persone che usano il servizio ogni giorno vorrebbe che fosse più veloce e più facile da capire.
    Dobbiamo anche pensare a cosa succede quando la rete non funziona e nessuno può raggiungere il server. È il tipo
    di domanda che fanno i nostri clienti quando vengono in ufficio. Faceva freddo e i bambini andavano a scuola
    nella neve mentre i loro genitori lavoravano in città.`,
  pt: `O relatório foi escrito pela equipe depois de uma longa reunião sobre o novo sistema. Eles disseram que os
    resultados do teste foram bons, mas que ainda há muito trabalho a fazer antes do fim do ano. A maioria das
    pessoas que usam o serviço todos os dias gostaria que ele fosse mais rápido e mais fácil de entender. Também
    devemos pensar no que acontece quando a rede não funciona e ninguém consegue chegar ao servidor. É o tipo de
    pergunta que os nossos clientes fazem quando visitam o escritório. Fazia frio e as crianças iam para a escola
    na neve enquanto os seus pais trabalhavam na cidade.`,
  nl: `Het rapport werd door het team geschreven na een lange vergadering over het nieuwe systeem. Ze zeiden dat de
    resultaten van de test goed waren, maar dat er voor het einde van het jaar nog veel werk te doen is. De meeste
    mensen die de dienst elke dag gebruiken, willen dat hij sneller en gemakkelijker te begrijpen is. We moeten ook
    nadenken over wat er gebeurt als het netwerk uitvalt en niemand de server kan bereiken. Dat is het soort vraag
    dat onze klanten stellen wanneer ze het kantoor bezoeken. Het was koud en de kinderen liepen door de sneeuw
    naar school terwijl hun ouders in de stad werkten.`,
  ru: `Отчёт был написан группой после долгого совещания о новой системе. Они сказали, что результаты проверки были
    хорошими, но до конца года ещё много работы. Большинство людей, которые пользуются службой каждый день, хотели
    бы, чтобы она была быстрее и проще для понимания. Мы также должны подумать о том, что происходит, когда сеть не
    работает и никто не может связаться с сервером. Это такой вопрос, который задают наши клиенты, когда приходят в
    офис. Было холодно, и дети шли в школу по снегу, пока их родители работали в городе.`,
} as const;

/** A language the trigram detector knows. */
export type SampleLanguage = keyof typeof LANGUAGE_SAMPLES;
