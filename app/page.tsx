export default function Home() {
  return <main><h1>Gradient Arena</h1></main>;
}
