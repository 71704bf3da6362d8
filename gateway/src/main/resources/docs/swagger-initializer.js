// The whole public API as the gateway merges it; "Authorize" takes an access token for "Try it out".
window.onload = function () {
    window.ui = SwaggerUIBundle({
        url: "/openapi",
        dom_id: "#swagger-ui",
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis],
        layout: "BaseLayout"
    });
};
