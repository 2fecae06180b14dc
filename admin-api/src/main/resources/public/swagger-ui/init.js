// Swagger UI on vedns's own description; "Authorize" takes a token's secret for the requests it sends.
window.ui = SwaggerUIBundle({ url: '/openapi.yml', dom_id: '#swagger-ui', deepLinking: true });
