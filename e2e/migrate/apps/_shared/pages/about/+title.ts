export const title = 'About the parts shop'
