/** Redoc's translate hook as `redocly build-docs` writes it, in small. */
export const redocTranslate =
  "su={useTranslate:()=>({translate:(e,t)=>(typeof t==`string`?t:t?.defaultValue)||e||``}),useX:1}";
/** What `redocly build-docs --template reference.hbs` writes, in small. */
export const rendered = (extraBody = "") => `<!DOCTYPE html>
<html lang="en">
<head>
  <!-- error-contracts:head -->
  <title>Shop</title>
</head>
<body>
  <!-- error-contracts:nav -->
  <div id="redoc"><div hidden=""><script>try{var m=localStorage.getItem("redoc.colorMode");if(m!=="light"&&m!=="dark")m=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.classList.add(m)}catch(e){}</script></div><p>Responses</p>${extraBody}</div>
      <script type="module">
      const logo = "https://cdn.redoc.ly/redoc/logo-mini-full.svg"; ${redocTranslate}
      const __redoc_definition = {"info":{"title":"Shop \\u003cb>"}};
      hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));
      </script>
</body>
</html>`;
